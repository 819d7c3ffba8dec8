namespace OtSensor.Protocols.Iec104;

/// <summary>U-format functions: bits 2–7 of control octet 1, shifted down (IEC 60870-5-104 §5.3).</summary>
/// <remarks>Exactly one bit may be set. Values follow tshark's <c>iec60870_104.utype</c>.</remarks>
[Flags]
public enum Iec104UFunction : byte
{
    None = 0,
    StartDtAct = 0x01,
    StartDtCon = 0x02,
    StopDtAct = 0x04,
    StopDtCon = 0x08,
    TestFrAct = 0x10,
    TestFrCon = 0x20,
}
