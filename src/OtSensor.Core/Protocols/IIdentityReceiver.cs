namespace OtSensor.Core.Protocols;

/// <summary>
/// Receives identity attributes from a message that carries them (Modbus 43/14, CIP ListIdentity, S7 SZL, …).
/// Values are the raw bytes as sent (usually ASCII); the receiver decides whether to keep them.
/// </summary>
public interface IIdentityReceiver
{
    /// <param name="source">Static description of the message and object, e.g. "modbus 43/14 object 0x00 VendorName".</param>
    void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source);
}
