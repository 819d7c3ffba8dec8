namespace OtSensor.Protocols.Fox;

/// <summary>Ports and bounds of the Niagara Fox protocol (Tridium Niagara AX/N4 station protocol).</summary>
public static class FoxConstants
{
    /// <summary>Fox, plain TCP.</summary>
    public const ushort DefaultPort = 1911;

    /// <summary>Fox over TLS ("foxs"): the payload is TLS, recognised (or not) as TLS, never as Fox.</summary>
    public const ushort SecurePort = 4911;

    /// <summary>A message is one header line, then a "{" ... "};;" block; no hello seen in the wild approaches this.</summary>
    public const int MaxMessageLength = 16 * 1024;

    /// <summary>Longest header line accepted ("fox a 0 -1 fox hello").</summary>
    public const int MaxHeaderLine = 128;
}
