namespace OtSensor.Protocols.Dnp3;

/// <summary>Walks the object headers of one application fragment, bounds-checked, without allocating.</summary>
/// <remarks>
/// <para>IEEE 1815-2012 §4.2.2.7 (object headers) and Table 4-5 (qualifier codes):</para>
/// <code>
///  +-------+-----------+-----------+--------------------+---------------------------------------+
///  | group | variation | qualifier | range (0/1/2/4/8)  | objects: [prefix][object] × count     |
///  +-------+-----------+-----------+--------------------+---------------------------------------+
///  qualifier: bit 7 reserved, bits 6–4 object prefix code, bits 3–0 range specifier:
///   0/1/2 start-stop of 1/2/4 octets, 3/4/5 virtual start-stop, 6 no range (all points),
///   7/8/9 count of 1/2/4 octets, 0xB count of 1 octet of size-prefixed objects.
/// </code>
/// <para>Requests that only name points (read, freeze, assign class, enable/disable unsolicited) carry no
/// object data (§4.4); class objects (g60) never do. When an object's size is unknown or a bound is hit the
/// walk stops and <see cref="Anomalies"/> says why. At most <see cref="Dnp3Constants.MaxObjects"/> headers and
/// <see cref="Dnp3Constants.MaxPoints"/> points are walked (Suricata's bounds).</para>
/// </remarks>
public ref struct Dnp3ObjectReader
{
    private readonly ReadOnlySpan<byte> _objects;
    private readonly byte _function;
    private int _position;
    private bool _stopped;

    public Dnp3ObjectReader(ReadOnlySpan<byte> objects, byte function)
    {
        _objects = objects;
        _function = function;
    }

    /// <summary>What stopped or troubled the walk so far.</summary>
    public Dnp3Anomalies Anomalies { get; private set; }

    /// <summary>Headers read so far.</summary>
    public int ObjectCount { get; private set; }

    /// <summary>Points (objects) counted so far.</summary>
    public long PointCount { get; private set; }

    /// <summary>True when the walk ended at the end of the fragment rather than on an error or bound.</summary>
    public readonly bool Completed => !_stopped && _position >= _objects.Length;

    public bool TryRead(out Dnp3ObjectHeader header)
    {
        header = default;
        if (_stopped || _position >= _objects.Length) return false;
        var rest = _objects[_position..];
        if (rest.Length < 3) return Stop(Dnp3Anomalies.ObjectHeaderTruncated);
        if (ObjectCount >= Dnp3Constants.MaxObjects) return Stop(Dnp3Anomalies.TooManyObjects);
        byte group = rest[0], variation = rest[1], qualifier = rest[2];
        int prefixCode = (qualifier >> 4) & 0x07;
        int rangeCode = qualifier & 0x0F;
        if ((qualifier & 0x80) != 0 || prefixCode == 7 || rangeCode == 0x0A || rangeCode > 0x0B)
            return Stop(Dnp3Anomalies.ReservedQualifier);

        int rangeLength = rangeCode switch { 0 or 3 => 2, 1 or 4 => 4, 2 or 5 => 8, 6 => 0, 7 or 0x0B => 1, 8 => 2, _ => 4 };
        if (rest.Length < 3 + rangeLength) return Stop(Dnp3Anomalies.ObjectHeaderTruncated);
        var range = rest.Slice(3, rangeLength);
        bool hasRange = rangeCode <= 5;
        uint start = 0, stop = 0, count;
        if (hasRange)
        {
            int half = rangeLength / 2;
            start = ReadLittleEndian(range[..half]);
            stop = ReadLittleEndian(range[half..]);
            if (stop < start) { ObjectCount++; return Stop(Dnp3Anomalies.InvalidRange); }
            count = stop - start + 1;
            if (count == 0) count = uint.MaxValue; // 0..0xFFFFFFFF wraps: more than any bound
        }
        else
        {
            count = rangeCode == 6 ? 0 : ReadLittleEndian(range);
        }

        ObjectCount++;
        PointCount += count;
        if (PointCount > Dnp3Constants.MaxPoints) return Stop(Dnp3Anomalies.TooManyPoints);
        if (rangeCode == 0x0B && prefixCode is < 4 or > 6) Anomalies |= Dnp3Anomalies.InvalidObjectPrefix;

        int dataOffset = _position + 3 + rangeLength;
        int available = _objects.Length - dataOffset;
        int dataLength = 0;
        bool stopAfter = false;
        if (count > 0 && HasData(_function, group))
        {
            dataLength = DataLength(_objects.Slice(dataOffset, available), group, variation, prefixCode, (int)count, out var problem);
            if (problem != Dnp3Anomalies.None)
            {
                Anomalies |= problem;
                stopAfter = true;
            }
        }

        header = new Dnp3ObjectHeader(group, variation, qualifier, hasRange, start, stop, count, dataOffset, dataLength);
        _position = dataOffset + dataLength;
        if (stopAfter) _stopped = true;
        return true;
    }

    /// <summary>True when headers of <paramref name="group"/> in a fragment of <paramref name="function"/> are followed by objects.</summary>
    public static bool HasData(byte function, byte group)
    {
        if (group == 60) return false;
        return (Dnp3FunctionCode)function switch
        {
            Dnp3FunctionCode.Confirm or Dnp3FunctionCode.Read or Dnp3FunctionCode.ImmediateFreeze
                or Dnp3FunctionCode.ImmediateFreezeNoResponse or Dnp3FunctionCode.FreezeClear
                or Dnp3FunctionCode.FreezeClearNoResponse or Dnp3FunctionCode.ColdRestart
                or Dnp3FunctionCode.WarmRestart or Dnp3FunctionCode.SaveConfiguration
                or Dnp3FunctionCode.EnableUnsolicited or Dnp3FunctionCode.DisableUnsolicited
                or Dnp3FunctionCode.AssignClass or Dnp3FunctionCode.DelayMeasure
                or Dnp3FunctionCode.RecordCurrentTime => false,
            // Freeze-at-time names its points without data after a time-and-interval object (g50v2).
            Dnp3FunctionCode.FreezeAtTime or Dnp3FunctionCode.FreezeAtTimeNoResponse => group == 50,
            _ => true,
        };
    }

    /// <summary>Octets taken by <paramref name="count"/> objects (with prefixes) at the start of <paramref name="data"/>.</summary>
    private static int DataLength(ReadOnlySpan<byte> data, byte group, byte variation, int prefixCode, int count, out Dnp3Anomalies problem)
    {
        problem = Dnp3Anomalies.None;
        int prefixLength = prefixCode switch { 1 or 4 => 1, 2 or 5 => 2, 3 or 6 => 4, _ => 0 };
        if (prefixCode is >= 4 and <= 6)
        {
            // Size-prefixed objects: walk each size, it may lie.
            int position = 0;
            for (int i = 0; i < count; i++)
            {
                if (prefixLength > data.Length - position) { problem = Dnp3Anomalies.ObjectDataTruncated; return data.Length; }
                uint size = ReadLittleEndian(data.Slice(position, prefixLength));
                position += prefixLength;
                if (size > (uint)(data.Length - position)) { problem = Dnp3Anomalies.ObjectDataTruncated; return data.Length; }
                position += (int)size;
            }
            return position;
        }

        int objectSize = Dnp3ObjectSizes.Of(group, variation);
        long total;
        switch (objectSize)
        {
            case Dnp3ObjectSizes.Unknown:
                problem = Dnp3Anomalies.UnknownObject;
                return data.Length;
            case Dnp3ObjectSizes.Attribute:
            {
                int position = 0;
                for (int i = 0; i < count; i++)
                {
                    if (prefixLength + 2 > data.Length - position) { problem = Dnp3Anomalies.ObjectDataTruncated; return data.Length; }
                    int length = data[position + prefixLength + 1];
                    position += prefixLength + 2;
                    if (length > data.Length - position) { problem = Dnp3Anomalies.ObjectDataTruncated; return data.Length; }
                    position += length;
                }
                return position;
            }
            case Dnp3ObjectSizes.PackedBit:
                total = prefixLength > 0 ? (long)count * (prefixLength + 1) : ((long)count + 7) / 8;
                break;
            case Dnp3ObjectSizes.PackedDoubleBit:
                total = prefixLength > 0 ? (long)count * (prefixLength + 1) : (((long)count * 2) + 7) / 8;
                break;
            default:
                total = (long)count * (prefixLength + objectSize);
                break;
        }

        if (total > data.Length)
        {
            problem = Dnp3Anomalies.ObjectDataTruncated;
            return data.Length;
        }
        return (int)total;
    }

    private bool Stop(Dnp3Anomalies anomaly)
    {
        Anomalies |= anomaly;
        _stopped = true;
        return false;
    }

    internal static uint ReadLittleEndian(ReadOnlySpan<byte> value)
    {
        uint result = 0;
        for (int i = value.Length - 1; i >= 0; i--) result = (result << 8) | value[i];
        return result;
    }
}
