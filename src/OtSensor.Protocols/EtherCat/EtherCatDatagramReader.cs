using System.Buffers.Binary;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.EtherCat;

/// <summary>
/// Walks the datagrams of one EtherCAT frame (the bytes after EtherType 0x88A4, or a UDP payload on port 0x88A4),
/// yielding one <see cref="EtherCatMessage"/> per datagram. Never throws; allocates nothing.
/// </summary>
/// <remarks>
/// <para>ETG.1000.4 §5.3 (frame structure), §5.4 (datagram structure):</para>
/// <code>
///  frame header (2 bytes, little-endian)
///  +-----------------+---+---------+
///  | Length (11 bits)| R | Type (4)|   Type 1 = datagrams, 4 = network variables, 5 = mailbox gateway
///  +-----------------+---+---------+
///  datagram (repeated while M = 1)
///  +-----+-----+------------------+------------------------------+-------+----------+-------+
///  | Cmd | Idx | Address (4)      | Len (2)                      | IRQ(2)| Data(Len)| WKC(2)|
///  |  1  |  1  | ADP(2) ADO(2) or | length 11 bits, reserved 3,  |       |          |       |
///  |     |     | logical addr (4) | C bit 14, M bit 15           |       |          |       |
///  +-----+-----+------------------+------------------------------+-------+----------+-------+
/// </code>
/// <para>The walk is bounded by the header's Length and by the captured bytes, whichever ends first; Ethernet
/// padding after the frame's Length is ignored. A frame of another type gives one record without a datagram.</para>
/// <para>Direction: EtherCAT has no request/response on the wire. A frame leaves the master and comes back through
/// the slaves; every ESC sets the locally administered bit (bit 1 of the first octet) of the source MAC as the
/// frame passes its processing unit, so a frame whose source MAC has that bit set has been through at least one
/// slave and is reported as the "response" (<c>fromMaster</c> false). The caller decides; see
/// <see cref="EtherCatFrameSession"/> and <see cref="EtherCatUdpSession"/>.</para>
/// </remarks>
public ref partial struct EtherCatDatagramReader
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly bool _fromMaster;
    private readonly ushort _header;
    private readonly int _end;
    private readonly EtherCatAnomalies _frameAnomalies;
    private int _offset;
    private byte _position;
    private bool _done;

    /// <param name="frame">The EtherCAT frame from its 2-byte header to the end of the captured bytes.</param>
    /// <param name="fromMaster">False when the frame has passed through a slave (see remarks on the type).</param>
    public EtherCatDatagramReader(ReadOnlySpan<byte> frame, bool fromMaster)
    {
        _frame = frame;
        _fromMaster = fromMaster;
        _offset = EtherCatConstants.FrameHeaderLength;
        if (frame.Length < EtherCatConstants.FrameHeaderLength)
        {
            _done = true;
            return;
        }

        _header = BinaryPrimitives.ReadUInt16LittleEndian(frame);
        int length = _header & EtherCatConstants.FrameLengthMask;
        int available = frame.Length - EtherCatConstants.FrameHeaderLength;
        if ((_header & EtherCatConstants.FrameReservedBit) != 0) _frameAnomalies |= EtherCatAnomalies.ReservedFrameBit;
        if (length > available)
        {
            _frameAnomalies |= EtherCatAnomalies.FrameLengthExceedsPayload;
            length = available;
        }
        _end = EtherCatConstants.FrameHeaderLength + length;
    }

    /// <summary>True when the input is shorter than the 2-byte frame header: nothing can be read.</summary>
    public readonly bool HeaderTruncated => _frame.Length < EtherCatConstants.FrameHeaderLength;

    /// <summary>Reads the next datagram (or the single frame-level record of a frame without datagrams).</summary>
    public bool TryRead(out EtherCatMessage message)
    {
        message = default;
        // The length test also covers a default-constructed reader, which never ran the constructor's checks.
        if (_done || _frame.Length < EtherCatConstants.FrameHeaderLength) return false;

        message = new EtherCatMessage(_frame);
        ref EtherCatDecoded d = ref message.Fields;
        d.FrameHeader = _header;
        d.FrameType = (byte)(_header >> EtherCatConstants.FrameTypeShift);
        d.FrameLength = (ushort)(_header & EtherCatConstants.FrameLengthMask);
        d.FromMaster = _fromMaster;
        d.Position = _position;
        d.Operation = OtOperation.None;
        if (_position == 0) d.Anomalies = _frameAnomalies;

        if (d.FrameType != 1)
        {
            // Network variables (4) and mailbox gateway (5) frames carry no datagrams: one record for the frame.
            _done = true;
            d.Present = EtherCatFieldPresence.FrameOnly;
            d.Operation = OtOperation.Other;
            if (d.FrameType is not (4 or 5)) d.Anomalies |= EtherCatAnomalies.UnknownFrameType;
            return true;
        }

        int o = _offset;
        if (_end - o < EtherCatConstants.DatagramHeaderLength)
        {
            _done = true;
            // After a datagram, the missing successor is already flagged on it (more_without_datagram).
            if (_position > 0) return false;
            d.Present = EtherCatFieldPresence.FrameOnly;
            d.Anomalies |= EtherCatAnomalies.TruncatedDatagramHeader;
            return true;
        }

        d.Command = _frame[o];
        d.Index = _frame[o + 1];
        d.Address = BinaryPrimitives.ReadUInt32LittleEndian(_frame[(o + 2)..]);
        d.LengthField = BinaryPrimitives.ReadUInt16LittleEndian(_frame[(o + 6)..]);
        d.Irq = BinaryPrimitives.ReadUInt16LittleEndian(_frame[(o + 8)..]);
        int length = d.LengthField & EtherCatConstants.DatagramLengthMask;
        int dataStart = o + EtherCatConstants.DatagramHeaderLength;
        int available = _end - dataStart;
        d.DataOffset = dataStart;

        // (uint) comparison: length is at most 2047, so length + 2 never wraps; available is never negative here.
        if ((uint)(length + EtherCatConstants.WorkingCounterLength) > (uint)available)
        {
            d.Anomalies |= EtherCatAnomalies.DatagramExceedsFrame;
            d.DataLength = Math.Min(length, available);
            _done = true;
        }
        else
        {
            d.DataLength = length;
            d.WorkingCounter = BinaryPrimitives.ReadUInt16LittleEndian(_frame[(dataStart + length)..]);
            d.Present |= EtherCatFieldPresence.WorkingCounter;
            int next = dataStart + length + EtherCatConstants.WorkingCounterLength;
            if ((d.LengthField & EtherCatConstants.MoreBit) != 0)
            {
                if (_end - next < EtherCatConstants.DatagramHeaderLength)
                {
                    d.Anomalies |= EtherCatAnomalies.MoreWithoutDatagram;
                    _done = true;
                }
                else
                {
                    _offset = next;
                }
            }
            else
            {
                // TwinCAT rounds the frame Length up to an even byte count after an odd-length datagram: one spare
                // byte is tolerated, anything else means the header and the chain disagree.
                if ((uint)(_end - next) > 1) d.Anomalies |= EtherCatAnomalies.FrameLengthMismatch;
                _done = true;
            }
        }

        if ((d.LengthField & EtherCatConstants.DatagramReservedMask) != 0) d.Anomalies |= EtherCatAnomalies.ReservedLengthBits;
        if (d.Command > EtherCatConstants.MaxCommand) d.Anomalies |= EtherCatAnomalies.UnknownCommand;

        Interpret(ref d, _frame.Slice(d.DataOffset, d.DataLength));
        _position++;
        return true;
    }
}
