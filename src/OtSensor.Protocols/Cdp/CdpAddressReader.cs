using System.Buffers.Binary;

namespace OtSensor.Protocols.Cdp;

/// <summary>Walks the entries of a CDP Addresses TLV (count, then protocol type/length/protocol, address length, address), bounded.</summary>
public ref struct CdpAddressReader
{
    private readonly ReadOnlySpan<byte> _value;
    private readonly uint _count;
    private int _position;
    private uint _index;

    public CdpAddressReader(ReadOnlySpan<byte> value)
    {
        _value = value;
        _count = value.Length >= 4 ? Math.Min(BinaryPrimitives.ReadUInt32BigEndian(value), 64u) : 0;
        _position = 4;
    }

    /// <summary>An entry ran past the TLV.</summary>
    public bool Malformed { get; private set; }

    /// <summary>The current entry's protocol bytes (0xCC for IPv4 with NLPID type 1).</summary>
    public ReadOnlySpan<byte> Protocol { get; private set; }

    public ReadOnlySpan<byte> Address { get; private set; }

    public bool MoveNext()
    {
        if (_index >= _count || Malformed) return false;
        var rest = _value[_position..];
        if (rest.Length < 2 || rest[1] > rest.Length - 2 - 2) { Malformed = true; return false; }
        int protocolLength = rest[1];
        Protocol = rest.Slice(2, protocolLength);
        int addressLength = BinaryPrimitives.ReadUInt16BigEndian(rest[(2 + protocolLength)..]);
        if (addressLength > rest.Length - 4 - protocolLength) { Malformed = true; return false; }
        Address = rest.Slice(4 + protocolLength, addressLength);
        _position += 4 + protocolLength + addressLength;
        _index++;
        return true;
    }
}
