namespace OtSensor.Analysis.Detection;

/// <summary>
/// Reads the few facts detection needs from cleartext login protocols that have no decoder: FTP reply codes
/// (RFC 959 §4.2), an FTP STOR of a firmware image, and the failure texts of Telnet consoles. Span searches, no
/// allocation.
/// </summary>
internal static class CleartextScanner
{
    // Failure texts of common consoles: Cisco IOS, Linux login(1), BusyBox, Windows telnetd, embedded devices.
    private static readonly byte[][] TelnetFailures =
    [
        "Authentication failed"u8.ToArray(), "Login incorrect"u8.ToArray(), "Login invalid"u8.ToArray(),
        "Access denied"u8.ToArray(), "Bad password"u8.ToArray(), "Logon failure"u8.ToArray(), "Invalid password"u8.ToArray(),
    ];

    private static readonly byte[][] FirmwareHints = ["firmware"u8.ToArray(), "/fw/"u8.ToArray(), ".fw"u8.ToArray(), ".img"u8.ToArray(), ".bin"u8.ToArray(), ".hex"u8.ToArray()];

    /// <summary>The code of a reply's last line (RFC 959 §4.2: "530 text"; "530-text" lines continue it and are skipped), or -1.</summary>
    public static int FtpReply(ReadOnlySpan<byte> line)
    {
        if (line.Length < 4) return -1;
        for (int i = 0; i < 3; i++)
            if ((uint)(line[i] - '0') > 9) return -1;
        if (line[3] is not ((byte)' ' or (byte)'\r')) return -1;
        return ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
    }

    /// <summary>A STOR command (RFC 959 §4.1.3) whose path names a firmware image (a "firmware" or "/fw/" path, an image extension).</summary>
    public static bool FirmwareUpload(ReadOnlySpan<byte> command)
    {
        if (command.Length < 6 || !command[..5].SequenceEqual("STOR "u8)) return false;
        var path = command[5..];
        int end = path.IndexOfAny((byte)'\r', (byte)'\n');
        if (end >= 0) path = path[..end];
        Span<byte> lower = stackalloc byte[256];
        int n = Math.Min(path.Length, lower.Length);
        for (int i = 0; i < n; i++) lower[i] = path[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(path[i] + 32) : path[i];
        var name = lower[..n];
        foreach (var hint in FirmwareHints)
            if (name.IndexOf(hint) >= 0) return true;
        return false;
    }

    /// <summary>A console's answer to a wrong password.</summary>
    public static bool TelnetFailure(ReadOnlySpan<byte> text)
    {
        foreach (var failure in TelnetFailures)
            if (text.IndexOf(failure) >= 0) return true;
        return false;
    }
}
