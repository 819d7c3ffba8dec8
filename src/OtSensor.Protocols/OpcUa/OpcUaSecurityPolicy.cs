using System.Text;

namespace OtSensor.Protocols.OpcUa;

/// <summary>The SecurityPolicyUris of Part 7 a secure channel may use, remembered per channel as a small index.</summary>
/// <remarks>
/// Index 0 is "none seen", 1 is <c>#None</c> (no signing, no encryption: bodies are readable); any other URI, known
/// or not, signs and may encrypt. A URI outside the table is <see cref="Other"/>; the OPN record still carries its text.
/// </remarks>
public static class OpcUaSecurityPolicy
{
    public const byte NotSeen = 0;
    public const byte None = 1;
    public const byte Other = 255;

    private static readonly string[] Uris =
    [
        "",
        "http://opcfoundation.org/UA/SecurityPolicy#None",
        "http://opcfoundation.org/UA/SecurityPolicy#Basic128Rsa15",
        "http://opcfoundation.org/UA/SecurityPolicy#Basic256",
        "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256",
        "http://opcfoundation.org/UA/SecurityPolicy#Aes128_Sha256_RsaOaep",
        "http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss",
    ];

    private static readonly byte[][] Utf8Uris = BuildUtf8();

    /// <summary>Index of a policy URI (UTF-8 bytes from the wire); <see cref="Other"/> for an unlisted one.</summary>
    public static byte Find(ReadOnlySpan<byte> uri)
    {
        for (int i = 1; i < Utf8Uris.Length; i++)
            if (uri.SequenceEqual(Utf8Uris[i])) return (byte)i;
        return Other;
    }

    /// <summary>The URI of a listed index; null for <see cref="NotSeen"/> and <see cref="Other"/>.</summary>
    public static string? Uri(byte index) => index is > NotSeen and < Other && index < Uris.Length ? Uris[index] : null;

    private static byte[][] BuildUtf8()
    {
        var result = new byte[Uris.Length][];
        for (int i = 0; i < Uris.Length; i++) result[i] = Encoding.UTF8.GetBytes(Uris[i]);
        return result;
    }
}
