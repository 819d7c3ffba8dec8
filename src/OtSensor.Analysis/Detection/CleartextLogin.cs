namespace OtSensor.Analysis.Detection;

/// <summary>
/// A cleartext login protocol without a decoder whose replies detection reads on a flow (by its server port): FTP
/// (RFC 959 §4.2: 230 logged in, 530 not logged in; STOR names the file sent) and Telnet (RFC 854; the console's own
/// failure text, e.g. "% Authentication failed", "Login incorrect").
/// </summary>
public enum CleartextLogin : byte
{
    None,
    Ftp,
    Telnet,
}
