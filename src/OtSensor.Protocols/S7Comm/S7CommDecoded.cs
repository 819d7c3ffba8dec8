using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.S7Comm;

/// <summary>Decoded fields of one S7comm PDU; offsets point into the PDU (-1/0 when absent).</summary>
internal struct S7CommDecoded
{
    public byte Rosctr;
    public ushort RedundancyId;
    public ushort PduReference;
    public ushort ParameterLength;
    public ushort DataLength;
    public bool HasErrorFields;
    public byte ErrorClass;
    public byte ErrorCode;
    public int HeaderLength;

    /// <summary>Parameter function (Job/Ack-Data) or -1.</summary>
    public int Function;

    public int ItemCount;
    public int ItemsOffset;
    public int ItemsLength;

    // Setup communication
    public ushort MaxAmqCalling;
    public ushort MaxAmqCalled;
    public ushort PduLength;

    // PI service / PLC stop / download / upload names
    public int NameOffset;
    public int NameLength;
    public int PiParameterOffset;
    public int PiParameterLength;

    // Userdata
    public bool IsUserdata;
    public byte UserdataMethod;
    public byte UserdataType;
    public byte UserdataGroup;
    public byte UserdataSubfunction;
    public byte UserdataSequence;
    public bool HasUserdataExtension;
    public byte DataUnitReference;
    public byte LastDataUnit;
    public ushort UserdataErrorCode;
    public int DataReturnCode;
    /// <summary>Userdata data after its 4-byte data header (bounded by the stated length).</summary>
    public int UserdataPayloadOffset;
    public int UserdataPayloadLength;
    /// <summary>Set on the last data unit of a reassembled answer: SZL fields and records come from the whole.</summary>
    public bool Reassembled;
    public int ReassembledLength;
    public int ReassembledDataUnits;

    // SZL (Userdata CPU functions / read SZL)
    public bool HasSzl;
    public ushort SzlId;
    public ushort SzlIndex;
    public ushort SzlRecordLength;
    public ushort SzlRecordCount;
    public int SzlRecordsOffset;
    public int SzlRecordsLength;

    public bool IsResponse;
    public OtOperation Operation;
    public S7CommAnomalies Anomalies;
}
