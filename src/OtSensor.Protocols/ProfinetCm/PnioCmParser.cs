using System.Buffers.Binary;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>Decodes the connectionless DCE/RPC header of a PNIO-CM datagram and the PNIO blocks of a call body.</summary>
/// <remarks>
/// C706 §12.5.3 connectionless header (integers in the byte order of drep[0], UUIDs with their first three
/// fields in that order too):
/// <code>
///   0 vers(1)=4  1 ptype(1)  2 flags1(1)  3 flags2(1)  4 drep(3)  7 serial_hi(1)
///   8 object UUID(16)       24 interface UUID(16)     40 activity UUID(16)
///  56 server_boot(4)  60 if_vers(4)  64 seqnum(4)  68 opnum(2)  70 ihint(2)  72 ahint(2)
///  74 len(2) = body octets   76 fragnum(2)   78 auth_proto(1)   79 serial_lo(1)   80 body ...
/// </code>
/// IEC 61158-6-10 §4.10.2.2 PNIO call body (NDR, drep byte order): request ArgsMaximum(4), response
/// PNIOStatus(4); then ArgsLength(4), MaximumCount(4), Offset(4), ActualCount(4) and ActualCount octets of PNIO
/// blocks. Each block: BlockType(2) BlockLength(2) BlockVersionHigh(1) BlockVersionLow(1) content, big endian
/// regardless of drep; BlockLength counts from the version octets.
/// </remarks>
public static class PnioCmParser
{
    // PNIO interface UUID DEA0000x-6C97-11D1-8271-00A02442DF7D: the last 12 octets are the same in both byte orders.
    private static ReadOnlySpan<byte> PnioTail => [0x82, 0x71, 0x00, 0xA0, 0x24, 0x42, 0xDF, 0x7D];
    private static ReadOnlySpan<byte> EpmLittle => [0x08, 0x83, 0xAF, 0xE1, 0x1F, 0x5D, 0xC9, 0x11, 0x91, 0xA4, 0x08, 0x00, 0x2B, 0x14, 0xA0, 0xFA];
    private static ReadOnlySpan<byte> EpmBig => [0xE1, 0xAF, 0x83, 0x08, 0x5D, 0x1F, 0x11, 0xC9, 0x91, 0xA4, 0x08, 0x00, 0x2B, 0x14, 0xA0, 0xFA];

    /// <summary>Reads the RPC header; returns false when the datagram is too short to hold one.</summary>
    internal static bool ParseHeader(ReadOnlySpan<byte> datagram, out PnioCmDecoded d)
    {
        d = PnioCmDecoded.Empty();
        if (datagram.Length < PnioCmConstants.HeaderLength)
        {
            d.Anomalies |= PnioCmAnomalies.HeaderTruncated;
            if (datagram.Length >= 2) d.PacketType = datagram[1];
            return false;
        }
        if (datagram[0] != PnioCmConstants.RpcVersion) d.Anomalies |= PnioCmAnomalies.BadVersion;
        d.PacketType = datagram[1];
        if (d.PacketType > PnioCmConstants.MaxPacketType) d.Anomalies |= PnioCmAnomalies.UnknownPacketType;
        d.Flags1 = datagram[PnioCmConstants.OffsetFlags1];
        d.Flags2 = datagram[PnioCmConstants.OffsetFlags2];
        d.LittleEndian = (datagram[PnioCmConstants.OffsetDrep] & 0xF0) == PnioCmConstants.DrepLittleEndian;
        d.Interface = InterfaceOf(datagram.Slice(PnioCmConstants.OffsetInterface, 16), d.LittleEndian);
        d.ServerBoot = ReadUInt32(datagram[PnioCmConstants.OffsetServerBoot..], d.LittleEndian);
        d.InterfaceVersion = ReadUInt32(datagram[PnioCmConstants.OffsetInterfaceVersion..], d.LittleEndian);
        d.Sequence = ReadUInt32(datagram[PnioCmConstants.OffsetSequence..], d.LittleEndian);
        d.Opnum = ReadUInt16(datagram[PnioCmConstants.OffsetOpnum..], d.LittleEndian);
        d.FragmentLength = ReadUInt16(datagram[PnioCmConstants.OffsetFragmentLength..], d.LittleEndian);
        d.FragmentNumber = ReadUInt16(datagram[PnioCmConstants.OffsetFragmentNumber..], d.LittleEndian);
        if (d.FragmentLength > datagram.Length - PnioCmConstants.HeaderLength) d.Anomalies |= PnioCmAnomalies.FragmentLengthBeyondDatagram;
        if (d.Interface == PnioCmInterface.Unknown) d.Anomalies |= PnioCmAnomalies.UnknownInterface;
        if (IsPnio(d.Interface) && IsCall(d.PacketType) && d.Opnum > (int)PnioCmOpnum.ReadImplicit) d.Anomalies |= PnioCmAnomalies.UnknownOpnum;
        d.Operation = OperationOf(in d);
        return true;
    }

    /// <summary>The fragment body this datagram carries: <c>len</c> octets after the header, cut to the datagram.</summary>
    internal static ReadOnlySpan<byte> BodyOf(ReadOnlySpan<byte> datagram, in PnioCmDecoded d)
    {
        if (datagram.Length <= PnioCmConstants.HeaderLength) return default;
        var rest = datagram[PnioCmConstants.HeaderLength..];
        return rest[..Math.Min(Math.Max(d.FragmentLength, 0), rest.Length)];
    }

    /// <summary>Decodes a whole call body (NDR arguments and PNIO blocks) of a request or response.</summary>
    internal static void ParseBody(ReadOnlySpan<byte> body, ref PnioCmDecoded d)
    {
        var type = (PnioCmPacketType)d.PacketType;
        if (type is PnioCmPacketType.Fault or PnioCmPacketType.Reject)
        {
            if (body.Length >= 4) d.FaultStatus = ReadUInt32(body, d.LittleEndian);
            return;
        }
        if (!IsCall(d.PacketType) || !IsPnio(d.Interface)) return;
        if (body.Length < PnioCmConstants.NdrHeaderLength)
        {
            d.Anomalies |= PnioCmAnomalies.BodyTruncated;
            return;
        }
        d.HasArgs = true;
        if (type == PnioCmPacketType.Request) d.ArgsMaximum = ReadUInt32(body, d.LittleEndian);
        else d.PnioStatus = BinaryPrimitives.ReadUInt32BigEndian(body); // four octets, not an NDR integer
        d.ArgsLength = ReadUInt32(body[4..], d.LittleEndian);
        long maximum = ReadUInt32(body[8..], d.LittleEndian);
        long offset = ReadUInt32(body[12..], d.LittleEndian);
        long actual = ReadUInt32(body[16..], d.LittleEndian);
        int available = body.Length - PnioCmConstants.NdrHeaderLength;
        if (offset != 0 || actual > maximum || actual > available) d.Anomalies |= PnioCmAnomalies.ArgsLengthMismatch;
        d.BlocksOffset = PnioCmConstants.NdrHeaderLength;
        d.BlocksLength = (int)Math.Min(actual, available);
        WalkBlocks(body.Slice(d.BlocksOffset, d.BlocksLength), ref d);
    }

    private static void WalkBlocks(ReadOnlySpan<byte> blocks, ref PnioCmDecoded d)
    {
        int at = 0;
        bool multipleWrite = false;
        while (blocks.Length - at >= 4)
        {
            if (d.BlockCount == PnioCmConstants.MaxBlocks)
            {
                d.Anomalies |= PnioCmAnomalies.BlockLimitExceeded;
                return;
            }
            int type = BinaryPrimitives.ReadUInt16BigEndian(blocks[at..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(blocks[(at + 2)..]);
            if (length < 2 || (uint)length > (uint)(blocks.Length - at - 4))
            {
                d.Anomalies |= PnioCmAnomalies.BlockMalformed;
                return;
            }
            var block = blocks.Slice(at, 4 + length);
            if (d.BlockCount < PnioCmBlockTypes.Capacity) d.BlockTypes[d.BlockCount] = (ushort)type;
            d.BlockCount++;
            if (d.FirstBlockType < 0) d.FirstBlockType = type;
            at += 4 + length;
            switch (type)
            {
                case PnioCmConstants.BlockWriteReq:
                case PnioCmConstants.BlockWriteRes:
                case PnioCmConstants.BlockReadReq:
                case PnioCmConstants.BlockReadRes:
                    if (block.Length < PnioCmConstants.RecordHeaderMinLength)
                    {
                        d.Anomalies |= PnioCmAnomalies.BlockMalformed;
                        return;
                    }
                    long dataLength = BinaryPrimitives.ReadUInt32BigEndian(block[PnioCmConstants.RecordHeaderDataLength..]);
                    if (d.BlockCount == 1)
                    {
                        d.RecordIndex = BinaryPrimitives.ReadUInt16BigEndian(block[PnioCmConstants.RecordHeaderIndex..]);
                        d.RecordDataLength = dataLength;
                        d.Api = BinaryPrimitives.ReadUInt32BigEndian(block[PnioCmConstants.RecordHeaderApi..]);
                        d.Slot = BinaryPrimitives.ReadUInt16BigEndian(block[PnioCmConstants.RecordHeaderSlot..]);
                        d.Subslot = BinaryPrimitives.ReadUInt16BigEndian(block[PnioCmConstants.RecordHeaderSubslot..]);
                        if (type is PnioCmConstants.BlockWriteReq or PnioCmConstants.BlockWriteRes && d.RecordIndex == PnioCmConstants.IndexWriteMultiple)
                        {
                            multipleWrite = true; // the record data is a sequence of write headers
                            continue;
                        }
                    }
                    if (multipleWrite) d.WriteCount++;
                    // Record data follows a write request header and a read response header: it is not blocks.
                    if (type == PnioCmConstants.BlockReadRes || (type == PnioCmConstants.BlockWriteReq && !multipleWrite)) return;
                    if (type == PnioCmConstants.BlockWriteReq)
                    {
                        // One write of a multiple write: skip its data, padded to a multiple of 4 octets.
                        long next = (at + dataLength + 3) & ~3L;
                        if (next > blocks.Length) return;
                        at = (int)next;
                    }
                    break;
                case PnioCmConstants.BlockArReq:
                    ParseArBlock(block, at - block.Length, ref d);
                    break;
                case PnioCmConstants.BlockArRes:
                    if (block.Length >= 8) d.ArType = BinaryPrimitives.ReadUInt16BigEndian(block[PnioCmConstants.ArTypeOffset..]);
                    break;
                case PnioCmConstants.BlockIocrReq:
                    d.IocrCount++;
                    break;
                default:
                    if (IsControlBlock(type))
                    {
                        if (block.Length < PnioCmConstants.ControlCommandOffset + 2)
                        {
                            d.Anomalies |= PnioCmAnomalies.BlockMalformed;
                            break;
                        }
                        if (d.ControlCommand < 0)
                        {
                            d.ControlBlockType = type;
                            d.ControlCommand = BinaryPrimitives.ReadUInt16BigEndian(block[PnioCmConstants.ControlCommandOffset..]);
                        }
                    }
                    break;
            }
        }
        if (at < blocks.Length && d.BlockCount == 0) d.Anomalies |= PnioCmAnomalies.BlockMalformed;
    }

    private static void ParseArBlock(ReadOnlySpan<byte> block, int blockOffset, ref PnioCmDecoded d)
    {
        if (block.Length < PnioCmConstants.ArStationNameOffset)
        {
            d.Anomalies |= PnioCmAnomalies.BlockMalformed;
            return;
        }
        d.ArType = BinaryPrimitives.ReadUInt16BigEndian(block[PnioCmConstants.ArTypeOffset..]);
        int nameLength = BinaryPrimitives.ReadUInt16BigEndian(block[PnioCmConstants.ArStationNameLengthOffset..]);
        if ((uint)nameLength > (uint)(block.Length - PnioCmConstants.ArStationNameOffset))
        {
            d.Anomalies |= PnioCmAnomalies.BlockMalformed;
            return;
        }
        // Offsets are into the body: the blocks start after the NDR header.
        d.StationNameOffset = d.BlocksOffset + blockOffset + PnioCmConstants.ArStationNameOffset;
        d.StationNameLength = nameLength;
    }

    /// <summary>IODControlReq/Res blocks: PrmEnd 0x0110, ApplicationReady 0x0112, Release 0x0114, PrmBegin 0x0118 and their 0x8xxx answers, plus the connectionless variants 0x0111/0x0113.</summary>
    private static bool IsControlBlock(int type) => (type & 0x7FFF) is >= 0x0110 and <= 0x0118;

    internal static bool IsPnio(PnioCmInterface i) => i is >= PnioCmInterface.Device and <= PnioCmInterface.ParameterServer;

    internal static bool IsCall(int packetType) => packetType is (int)PnioCmPacketType.Request or (int)PnioCmPacketType.Response;

    /// <summary>
    /// Connect establishes an application relationship that hands the device's outputs to the controller: control.
    /// Release ends it, the device's outputs go to their substitute values: stop. Read and ReadImplicit read
    /// records, Write writes them (parameters, I&amp;M data), Control signals PrmEnd/ApplicationReady: control.
    /// </summary>
    private static OtOperation OperationOf(in PnioCmDecoded d)
    {
        if (!IsCall(d.PacketType) || !IsPnio(d.Interface)) return OtOperation.None;
        return (PnioCmOpnum)d.Opnum switch
        {
            PnioCmOpnum.Connect => OtOperation.Control,
            PnioCmOpnum.Release => OtOperation.Stop,
            PnioCmOpnum.Read or PnioCmOpnum.ReadImplicit => OtOperation.Read,
            PnioCmOpnum.Write => OtOperation.Write,
            PnioCmOpnum.Control => OtOperation.Control,
            _ => OtOperation.Other,
        };
    }

    internal static PnioCmInterface InterfaceOf(ReadOnlySpan<byte> uuid, bool littleEndian)
    {
        if (uuid.Slice(8, 8).SequenceEqual(PnioTail))
        {
            // DEA0000x-6C97-11D1 in the drep byte order.
            bool match = littleEndian
                ? uuid[1] == 0x00 && uuid[2] == 0xA0 && uuid[3] == 0xDE && uuid[4] == 0x97 && uuid[5] == 0x6C && uuid[6] == 0xD1 && uuid[7] == 0x11
                : uuid[0] == 0xDE && uuid[1] == 0xA0 && uuid[2] == 0x00 && uuid[4] == 0x6C && uuid[5] == 0x97 && uuid[6] == 0x11 && uuid[7] == 0xD1;
            int x = littleEndian ? uuid[0] : uuid[3];
            if (match && x is >= 1 and <= 4) return (PnioCmInterface)x;
            return PnioCmInterface.Unknown;
        }
        return uuid.SequenceEqual(littleEndian ? EpmLittle : EpmBig) ? PnioCmInterface.EndpointMapper : PnioCmInterface.Unknown;
    }

    private static int ReadUInt16(ReadOnlySpan<byte> s, bool little) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);

    private static long ReadUInt32(ReadOnlySpan<byte> s, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
}
