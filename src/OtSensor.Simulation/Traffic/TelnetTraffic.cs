using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// A Telnet login to a network device's management console (RFC 854 NVT, IAC = 0xFF; RFC 857 ECHO, RFC 858
/// SUPPRESS-GO-AHEAD, RFC 1091 TERMINAL-TYPE, RFC 1073 NAWS): option negotiation, the "User Access Verification"
/// banner, then user names and passwords in clear text, the device echoing user names but not passwords.
/// </summary>
/// <remarks>
/// <code>
/// IAC WILL/WONT/DO/DONT option | IAC SB option ... IAC SE | data (CR LF line ends)
/// </code>
/// </remarks>
public static class TelnetTraffic
{
    public const ushort Port = 23;
    private const byte Iac = 0xFF, Will = 0xFB, Do = 0xFD, Sb = 0xFA, Se = 0xF0;
    private const byte Echo = 1, SuppressGoAhead = 3, TerminalType = 24, WindowSize = 31;

    /// <summary>
    /// One connection: negotiation, then one attempt per password (failed ones answered "% Authentication failed",
    /// the right one with the exec prompt, after which the client logs out); returns when the connection is closed.
    /// </summary>
    public static Timestamp Login(TcpConnection tcp, Timestamp at, string user, IReadOnlyList<string> passwords, string correct, string prompt, Random random)
    {
        ArgumentNullException.ThrowIfNull(tcp);
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(random);
        var t = tcp.Open(at, Talk.Rtt);
        byte[] offer = [Iac, Will, Echo, Iac, Will, SuppressGoAhead, Iac, Do, TerminalType, Iac, Do, WindowSize];
        t = tcp.Send(t.Add(TimeSpan.FromMilliseconds(2)), fromClient: false, offer);
        byte[] accept = [Iac, Do, Echo, Iac, Do, SuppressGoAhead, Iac, Will, TerminalType, Iac, Will, WindowSize,
            Iac, Sb, WindowSize, 0x00, 0x50, 0x00, 0x18, Iac, Se];                          // 80 x 24
        byte[] askType = [Iac, Sb, TerminalType, 0x01, Iac, Se];                            // SEND
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), accept, askType, Talk.ServerDelay(random), Talk.Rtt);
        byte[] type = [Iac, Sb, TerminalType, 0x00, .. "XTERM"u8, Iac, Se];                 // IS XTERM
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), type, Ascii("\r\n\r\nUser Access Verification\r\n\r\nUsername: "), Talk.ServerDelay(random), Talk.Rtt);
        foreach (var password in passwords)
        {
            t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(random.Next(300, 700))), Ascii($"{user}\r\n"), Ascii($"{user}\r\nPassword: "), Talk.ServerDelay(random), Talk.Rtt);
            bool ok = password == correct;
            t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(random.Next(300, 700))), Ascii($"{password}\r\n"),
                Ascii(ok ? $"\r\n{prompt}" : "\r\n% Authentication failed\r\n\r\nUsername: "), TimeSpan.FromMilliseconds(ok ? 20 : 900), Talk.Rtt);
            if (ok)
            {
                t = tcp.Send(t.Add(TimeSpan.FromMilliseconds(800)), fromClient: true, Ascii("exit\r\n"));
                break;
            }
        }
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(20)), Talk.Rtt);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
