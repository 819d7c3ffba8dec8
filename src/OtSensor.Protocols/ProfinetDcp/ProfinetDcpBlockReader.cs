using System.Buffers.Binary;

namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>Walks the blocks of a DCP PDU's data (the DCPDataLength octets after the header), bounded and never throwing.</summary>
/// <remarks>
/// IEC 61158-6-10 §4.3.1.3 block coding:
/// <code>
///  +--------+-----------+----------------+------------------------+-------+-----------+
///  | Option | Suboption | DCPBlockLength | BlockInfo/Qualifier(2)? | value | pad to even |
///  |   1    |     1     |   2 (BE)       |  responses, Hello, Set  |       |  0 or 1     |
///  +--------+-----------+----------------+------------------------+-------+-----------+
/// </code>
/// DCPBlockLength counts the BlockInfo/Qualifier and the value, not the padding. The Control/Response block (5/4)
/// never has a BlockInfo: its value is the option, suboption and BlockError it answers. A Get request lists
/// Option/Suboption pairs without lengths.
/// </remarks>
public ref struct ProfinetDcpBlockReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly ProfinetDcpBlockLayout _layout;
    private int _offset;

    public ProfinetDcpBlockReader(ReadOnlySpan<byte> data, ProfinetDcpBlockLayout layout)
    {
        _data = data;
        _layout = layout;
        _offset = 0;
        Truncated = false;
    }

    /// <summary>True once a block header or length ran past the data; the walk stopped there.</summary>
    public bool Truncated { get; private set; }

    public bool TryRead(out ProfinetDcpBlock block)
    {
        block = default;
        int remaining = _data.Length - _offset;
        if (remaining <= 0) return false;
        if (_layout == ProfinetDcpBlockLayout.OptionList)
        {
            if (remaining < 2)
            {
                Truncated = true;
                _offset = _data.Length;
                return false;
            }
            block = new ProfinetDcpBlock(_data[_offset], _data[_offset + 1], -1, default, _offset + 2);
            _offset += 2;
            return true;
        }
        if (remaining < ProfinetDcpConstants.BlockHeaderLength)
        {
            Truncated = true;
            _offset = _data.Length;
            return false;
        }
        byte option = _data[_offset];
        byte suboption = _data[_offset + 1];
        int length = BinaryPrimitives.ReadUInt16BigEndian(_data[(_offset + 2)..]);
        int start = _offset + ProfinetDcpConstants.BlockHeaderLength;
        if ((uint)length > (uint)(_data.Length - start))
        {
            Truncated = true;
            _offset = _data.Length;
            return false;
        }
        var value = _data.Slice(start, length);
        int prefix = -1;
        int valueOffset = start;
        bool isControlResponse = option == ProfinetDcpConstants.OptionControl && suboption == ProfinetDcpConstants.ControlResponse;
        if (_layout == ProfinetDcpBlockLayout.Prefixed && !isControlResponse && value.Length >= ProfinetDcpConstants.BlockPrefixLength)
        {
            prefix = BinaryPrimitives.ReadUInt16BigEndian(value);
            value = value[ProfinetDcpConstants.BlockPrefixLength..];
            valueOffset += ProfinetDcpConstants.BlockPrefixLength;
        }
        // Padding to an even length; the last block's pad may be cut by DCPDataLength.
        _offset = Math.Min(_data.Length, start + length + (length & 1));
        block = new ProfinetDcpBlock(option, suboption, prefix, value, valueOffset);
        return true;
    }
}
