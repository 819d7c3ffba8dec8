using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>What <see cref="PnioCmParser"/> found in one RPC header and call body; -1 means "absent".</summary>
/// <remarks>Block offsets are into the call body (the NDR arguments, reassembled when the call was fragmented).</remarks>
internal struct PnioCmDecoded
{
    public PnioCmAnomalies Anomalies;
    public OtOperation Operation;

    // RPC header (C706 §12.5.3)
    public int PacketType;
    public byte Flags1;
    public byte Flags2;
    public bool LittleEndian;
    public PnioCmInterface Interface;
    public long Sequence;
    public int Opnum;
    public int FragmentLength;
    public int FragmentNumber;
    public long ServerBoot;
    public long InterfaceVersion;
    public int Fragments;

    // NDR arguments
    public bool HasArgs;
    public long ArgsMaximum;
    public long ArgsLength;
    public long PnioStatus;
    public long FaultStatus;
    public int BlocksOffset;
    public int BlocksLength;

    // PNIO blocks (IEC 61158-6-10 §5.2)
    public int BlockCount;
    public PnioCmBlockTypes BlockTypes;
    public int FirstBlockType;
    public int ControlCommand;
    public int ControlBlockType;
    public int RecordIndex;
    public long RecordDataLength;
    public long Api;
    public int Slot;
    public int Subslot;
    public int WriteCount;
    public int ArType;
    public int StationNameOffset;
    public int StationNameLength;
    public int IocrCount;

    public static PnioCmDecoded Empty() => new()
    {
        PacketType = -1, Sequence = -1, Opnum = -1, FragmentLength = -1, FragmentNumber = -1, ServerBoot = -1,
        InterfaceVersion = -1, ArgsMaximum = -1, ArgsLength = -1, PnioStatus = -1, FaultStatus = -1,
        FirstBlockType = -1, ControlCommand = -1, ControlBlockType = -1, RecordIndex = -1, RecordDataLength = -1,
        Api = -1, Slot = -1, Subslot = -1, ArType = -1, StationNameOffset = -1, Fragments = 1,
    };
}
