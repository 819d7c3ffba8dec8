namespace OtSensor.Protocols.OpcUa;

/// <summary>A decoded NodeId: its encoding, namespace and, for the numeric encodings, its identifier.</summary>
/// <remarks>Part 6 §5.2.2.9: two-byte (0x00, ns 0, id ≤ 255), four-byte (0x01, ns ≤ 255, id ≤ 65535), numeric (0x02), string (0x03), guid (0x04), bytestring (0x05).</remarks>
public readonly record struct OpcUaNodeId(byte Encoding, ushort Namespace, uint Numeric)
{
    public bool IsNumeric => Encoding <= OpcUaConstants.NodeIdNumeric;

    /// <summary>True for a numeric id in namespace 0, the form every Part 4 type encoding id takes.</summary>
    public bool IsStandardNumeric => IsNumeric && Namespace == 0;
}
