using System.Buffers.Binary;

namespace OtSensor.Protocols.OpcUa;

/// <summary>
/// Reads the OPC UA binary encoding (Part 6 §5.2) from a span, bounds-checked: every length and count is checked
/// against the bytes left before it is used. The first failure is kept in <see cref="Error"/> and every later read
/// fails too, so a decoder can read a sequence of fields and test once.
/// </summary>
/// <remarks>
/// Little-endian integers (§5.2.2.2); String and ByteString are an Int32 length then bytes, -1 meaning null (§5.2.2.4,
/// §5.2.2.7); arrays are an Int32 count, -1 meaning null (§5.2.5).
/// </remarks>
internal ref struct OpcUaReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _pos;

    public OpcUaReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _pos = 0;
        Error = OpcUaAnomalies.None;
    }

    /// <summary>The anomaly of the first failed read; <see cref="OpcUaAnomalies.None"/> while all succeeded.</summary>
    public OpcUaAnomalies Error { get; private set; }

    public readonly bool Ok => Error == OpcUaAnomalies.None;

    public readonly int Position => _pos;

    public readonly int Remaining => _data.Length - _pos;

    /// <summary>The bytes of a range read earlier from this reader; empty for a null range.</summary>
    public readonly ReadOnlySpan<byte> Slice(OpcUaRange range) => range.Of(_data);

    public bool Fail(OpcUaAnomalies anomaly)
    {
        if (Error == OpcUaAnomalies.None) Error = anomaly;
        return false;
    }

    private bool Need(int count)
    {
        if (Error != OpcUaAnomalies.None) return false;
        return (uint)count <= (uint)(_data.Length - _pos) || Fail(OpcUaAnomalies.Truncated);
    }

    public bool Skip(int count)
    {
        if (!Need(count)) return false;
        _pos += count;
        return true;
    }

    public bool Byte(out byte value)
    {
        value = 0;
        if (!Need(1)) return false;
        value = _data[_pos++];
        return true;
    }

    public bool UInt16(out ushort value)
    {
        value = 0;
        if (!Need(2)) return false;
        value = BinaryPrimitives.ReadUInt16LittleEndian(_data[_pos..]);
        _pos += 2;
        return true;
    }

    public bool UInt32(out uint value)
    {
        value = 0;
        if (!Need(4)) return false;
        value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_pos..]);
        _pos += 4;
        return true;
    }

    public bool Int32(out int value)
    {
        bool ok = UInt32(out uint raw);
        value = (int)raw;
        return ok;
    }

    /// <summary>A String or ByteString of at most <paramref name="max"/> bytes, as a range of the span.</summary>
    public bool Bytes(out OpcUaRange range, int max = OpcUaConstants.MaxStringLength)
    {
        range = OpcUaRange.Null;
        if (!Int32(out int length)) return false;
        if (length == -1) return true;
        if (length < -1 || length > max) return Fail(OpcUaAnomalies.InvalidLength);
        if (!Need(length)) return false;
        range = new OpcUaRange(_pos, length);
        _pos += length;
        return true;
    }

    /// <summary>An array count: -1 (null) reads as 0; a count below -1, or that cannot fit one byte per element, fails.</summary>
    public bool ArrayLength(out int count)
    {
        count = 0;
        if (!Int32(out int raw)) return false;
        if (raw == -1) return true;
        if (raw < -1) return Fail(OpcUaAnomalies.InvalidArrayLength);
        if (raw > Remaining) return Fail(OpcUaAnomalies.Truncated);
        count = raw;
        return true;
    }

    /// <summary>A NodeId in any of the six encodings (Part 6 §5.2.2.9); the upper two bits of the first byte must be 0.</summary>
    public bool NodeId(out OpcUaNodeId id)
    {
        id = default;
        if (!Byte(out byte encoding)) return false;
        return NodeIdBody(encoding, out id);
    }

    /// <summary>
    /// An ExpandedNodeId (§5.2.2.10): a NodeId whose encoding byte may carry the NamespaceUri (0x80) and ServerIndex
    /// (0x40) flags, followed by those fields.
    /// </summary>
    public bool ExpandedNodeId(out OpcUaNodeId id)
    {
        id = default;
        if (!Byte(out byte encoding)) return false;
        if (!NodeIdBody((byte)(encoding & 0x3F), out id)) return false;
        if ((encoding & OpcUaConstants.ExpandedNamespaceUriFlag) != 0 && !Bytes(out _)) return false;
        if ((encoding & OpcUaConstants.ExpandedServerIndexFlag) != 0 && !Skip(4)) return false;
        return true;
    }

    private bool NodeIdBody(byte encoding, out OpcUaNodeId id)
    {
        id = default;
        switch (encoding)
        {
            case OpcUaConstants.NodeIdTwoByte:
                if (!Byte(out byte small)) return false;
                id = new OpcUaNodeId(encoding, 0, small);
                return true;
            case OpcUaConstants.NodeIdFourByte:
                if (!Byte(out byte ns) || !UInt16(out ushort shortId)) return false;
                id = new OpcUaNodeId(encoding, ns, shortId);
                return true;
            case OpcUaConstants.NodeIdNumeric:
                if (!UInt16(out ushort ns2) || !UInt32(out uint numeric)) return false;
                id = new OpcUaNodeId(encoding, ns2, numeric);
                return true;
            case OpcUaConstants.NodeIdString:
            case OpcUaConstants.NodeIdByteString:
                if (!UInt16(out ushort ns3) || !Bytes(out _)) return false;
                id = new OpcUaNodeId(encoding, ns3, 0);
                return true;
            case OpcUaConstants.NodeIdGuid:
                if (!UInt16(out ushort ns4) || !Skip(16)) return false;
                id = new OpcUaNodeId(encoding, ns4, 0);
                return true;
            default:
                return Fail(OpcUaAnomalies.InvalidNodeIdEncoding);
        }
    }

    /// <summary>LocalizedText (§5.2.2.14): mask 0x01 Locale, 0x02 Text.</summary>
    public bool LocalizedText(out OpcUaRange text)
    {
        text = OpcUaRange.Null;
        if (!Byte(out byte mask)) return false;
        if ((mask & 0x01) != 0 && !Bytes(out _)) return false;
        if ((mask & 0x02) != 0 && !Bytes(out text)) return false;
        return true;
    }

    /// <summary>
    /// Skips a DiagnosticInfo (§5.2.2.12): mask bits for SymbolicId, NamespaceUri, LocalizedText, Locale (Int32 each),
    /// AdditionalInfo (String), InnerStatusCode (UInt32) and InnerDiagnosticInfo (recursive, bounded depth).
    /// </summary>
    public bool SkipDiagnosticInfo()
    {
        for (int depth = 0; depth <= OpcUaConstants.MaxDiagnosticDepth; depth++)
        {
            if (!Byte(out byte mask)) return false;
            int fixedInts = ((mask & 0x01) != 0 ? 1 : 0) + ((mask & 0x02) != 0 ? 1 : 0) + ((mask & 0x04) != 0 ? 1 : 0) + ((mask & 0x08) != 0 ? 1 : 0);
            if (!Skip(4 * fixedInts)) return false;
            if ((mask & 0x10) != 0 && !Bytes(out _)) return false;
            if ((mask & 0x20) != 0 && !Skip(4)) return false;
            if ((mask & 0x40) == 0) return true;
        }
        return Fail(OpcUaAnomalies.DiagnosticTooDeep);
    }

    /// <summary>ExtensionObject (§5.2.2.15): TypeId NodeId, Encoding byte (0 none, 1 ByteString body, 2 XmlElement body), body.</summary>
    public bool ExtensionObject(out OpcUaNodeId typeId, out OpcUaRange body)
    {
        body = OpcUaRange.Null;
        if (!NodeId(out typeId) || !Byte(out byte encoding)) return false;
        if (encoding == 0) return true;
        if (encoding > 2) return Fail(OpcUaAnomalies.InvalidLength);
        return Bytes(out body);
    }

    /// <summary>Skips an array of Strings (its count is bounded by the bytes left, so the walk is too).</summary>
    public bool SkipStringArray()
    {
        if (!ArrayLength(out int count)) return false;
        for (int i = 0; i < count; i++)
            if (!Bytes(out _)) return false;
        return true;
    }

    /// <summary>Reads the start of a ResponseHeader (Part 4 §7.29) and skips the rest: diagnostics, string table, additional header.</summary>
    public bool ResponseHeader(out uint requestHandle, out uint serviceResult)
    {
        serviceResult = 0;
        requestHandle = 0;
        if (!Skip(8) || !UInt32(out requestHandle) || !UInt32(out serviceResult)) return false;
        return SkipDiagnosticInfo() && SkipStringArray() && ExtensionObject(out _, out _);
    }

    /// <summary>Reads a RequestHeader (Part 4 §7.28): AuthenticationToken, Timestamp, RequestHandle, ReturnDiagnostics, AuditEntryId, TimeoutHint, AdditionalHeader.</summary>
    public bool RequestHeader(out uint requestHandle)
    {
        requestHandle = 0;
        return NodeId(out _) && Skip(8) && UInt32(out requestHandle) && Skip(4) && Bytes(out _) && Skip(4) && ExtensionObject(out _, out _);
    }

    /// <summary>
    /// ApplicationDescription (Part 4 §7.1): ApplicationUri, ProductUri, ApplicationName, ApplicationType,
    /// GatewayServerUri, DiscoveryProfileUri, DiscoveryUrls.
    /// </summary>
    public bool ApplicationDescription(out OpcUaApplication application)
    {
        application = default;
        if (!Bytes(out var applicationUri) || !Bytes(out var productUri) || !LocalizedText(out var name) || !Int32(out int type)) return false;
        if (!Bytes(out _) || !Bytes(out _) || !SkipStringArray()) return false;
        application = new OpcUaApplication(applicationUri, productUri, name, type);
        return true;
    }
}
