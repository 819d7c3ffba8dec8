namespace OtSensor.Protocols.Cotp;

/// <summary>TPDU code: the high nibble of the second header byte (ISO 8073 / X.224 §13.2.2.2, table 8).</summary>
public enum CotpPduType : byte
{
    ExpeditedData = 0x1,
    ExpeditedDataAck = 0x2,
    Reject = 0x5,
    DataAck = 0x6,
    TpduError = 0x7,
    DisconnectRequest = 0x8,
    DisconnectConfirm = 0xC,
    ConnectConfirm = 0xD,
    ConnectRequest = 0xE,
    Data = 0xF,
}
