using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Iec104;

/// <summary>The decoded fields of one APDU, filled by <see cref="Iec104Parser"/> and carried by <see cref="Iec104Message"/>.</summary>
internal struct Iec104Decoded
{
    public Iec104ApciType Type;
    public byte LengthField;
    public ushort SendSequence;
    public ushort ReceiveSequence;

    /// <summary>Bits 2–7 of control octet 1 of a U frame (tshark's <c>utype</c>).</summary>
    public byte UBits;

    /// <summary>True when the I frame has at least the six-octet ASDU header.</summary>
    public bool HasAsdu;

    /// <summary>True when the I frame has at least its type id octet.</summary>
    public bool HasTypeId;
    public byte TypeId;
    public byte Vsq;
    public byte CotOctet;
    public byte Originator;
    public ushort CommonAddress;

    /// <summary>Complete information objects (≤ the declared number).</summary>
    public int CompleteObjects;

    public Iec104Anomalies Anomalies;
    public OtOperation Operation;
    public bool IsResponse;
}
