namespace OtSensor.Protocols.ProfinetCm;

/// <summary>Wire constants of PNIO-CM over connectionless DCE/RPC (C706 §12.5, IEC 61158-6-10 §4.10.2).</summary>
public static class PnioCmConstants
{
    /// <summary>UDP port of the PNIO-CM RPC server (the endpoint mapper port of PROFINET devices).</summary>
    public const ushort Port = 34964;

    public const int HeaderLength = 80;
    public const byte RpcVersion = 4;
    public const byte MaxPacketType = 10;

    public const int OffsetFlags1 = 2;
    public const int OffsetFlags2 = 3;
    public const int OffsetDrep = 4;
    public const int OffsetObject = 8;
    public const int OffsetInterface = 24;
    public const int OffsetActivity = 40;
    public const int OffsetServerBoot = 56;
    public const int OffsetInterfaceVersion = 60;
    public const int OffsetSequence = 64;
    public const int OffsetOpnum = 68;
    public const int OffsetFragmentLength = 74;
    public const int OffsetFragmentNumber = 76;
    public const int OffsetAuthProto = 78;
    public const int OffsetSerialLow = 79;

    /// <summary>drep[0] high nibble: 1 = little-endian integers (C706 §14.2.5).</summary>
    public const byte DrepLittleEndian = 0x10;

    public const byte Flags1LastFragment = 0x02;
    public const byte Flags1Fragment = 0x04;

    /// <summary>ArgsMaximum/PNIOStatus, ArgsLength, MaximumCount, Offset, ActualCount (NDR conformant varying array).</summary>
    public const int NdrHeaderLength = 20;

    public const int BlockHeaderLength = 6;

    /// <summary>Bound on blocks walked per call body.</summary>
    public const int MaxBlocks = 64;

    /// <summary>Bound on a reassembled call body (fragments beyond it are dropped, flagged).</summary>
    public const int MaxReassembledBody = 64 * 1024;

    public const int BlockArReq = 0x0101;
    public const int BlockArRes = 0x8101;
    public const int BlockIocrReq = 0x0102;
    public const int BlockWriteReq = 0x0008;
    public const int BlockWriteRes = 0x8008;
    public const int BlockReadReq = 0x0009;
    public const int BlockReadRes = 0x8009;

    /// <summary>Record index of a multiple write: a sequence of write headers, each with its data, padded to 4.</summary>
    public const int IndexWriteMultiple = 0xE040;

    /// <summary>Offsets inside an IODRead/WriteReq/ResHeader (block start): API, slot, subslot, index, RecordDataLength.</summary>
    public const int RecordHeaderSequence = 6;
    public const int RecordHeaderApi = 24;
    public const int RecordHeaderSlot = 28;
    public const int RecordHeaderSubslot = 30;
    public const int RecordHeaderIndex = 34;
    public const int RecordHeaderDataLength = 36;
    public const int RecordHeaderMinLength = 40;

    /// <summary>ControlCommand inside an IODControlReq/Res block: after Reserved, ARUUID, SessionKey, Reserved.</summary>
    public const int ControlCommandOffset = 28;

    /// <summary>ARBlockReq: ARType at 6, CMInitiatorStationName length at 56 and text at 58.</summary>
    public const int ArTypeOffset = 6;
    public const int ArStationNameLengthOffset = 56;
    public const int ArStationNameOffset = 58;

    public const int ControlPrmEnd = 0x0001;
    public const int ControlApplicationReady = 0x0002;
    public const int ControlRelease = 0x0004;
    public const int ControlDone = 0x0008;
}
