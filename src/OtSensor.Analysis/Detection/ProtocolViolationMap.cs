using System.Numerics;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.S7Comm;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The rest of the protocol-violation engine (sensor-reference §3.4), as data: which anomaly bit a decoder sets on a
/// PDU (<see cref="IProtocolMessage.Anomalies"/>) raises which catalogue alert, for the industrial protocols whose
/// decoders judge the PDU against its specification. Bits that a capture produces by itself (a sequence gap where the
/// capture lost a frame, a response whose request came before the capture started) are deliberately not mapped.
/// </summary>
/// <remarks>
/// At run time the table is an array of 64 alert type indexes per protocol: a PDU with anomalies costs one
/// look-up per set bit; a well-formed one costs the test of <see cref="IProtocolMessage.Anomalies"/> against zero.
/// </remarks>
internal sealed class ProtocolViolationMap
{
    private const string Reserved = "reserved-function-code";
    private const string Malformed = "malformed-pdu";

    /// <summary>(protocol, anomaly bit mask, alert id): the mapping, read once per run.</summary>
    private static readonly (ProtocolId Protocol, ulong Bits, string Alert)[] Table =
    [
        // DNP3 (IEEE 1815-2012): function codes not in Table 4-2, unknown objects, reserved IIN, bad parameters, CRC and framing.
        (ProtocolId.Dnp3, (ulong)Dnp3Anomalies.UnknownFunction, Reserved),
        (ProtocolId.Dnp3, (ulong)Dnp3Anomalies.UnknownObject, "dnp3-unknown-object"),
        (ProtocolId.Dnp3, (ulong)Dnp3Anomalies.ReservedIinBits, "dnp3-reserved-iin"),
        (ProtocolId.Dnp3, (ulong)(Dnp3Anomalies.ReservedQualifier | Dnp3Anomalies.InvalidRange | Dnp3Anomalies.InvalidControlCode
            | Dnp3Anomalies.InvalidObjectPrefix | Dnp3Anomalies.TooManyPoints | Dnp3Anomalies.TooManyObjects), "incorrect-parameter-to-outstation"),
        (ProtocolId.Dnp3, (ulong)(Dnp3Anomalies.DirectionMismatch | Dnp3Anomalies.UnsolicitedBitMismatch | Dnp3Anomalies.MultiFragmentRequest
            | Dnp3Anomalies.ReservedLinkFunction), "illegal-dnp3-operation"),
        (ProtocolId.Dnp3, (ulong)(Dnp3Anomalies.DataCrcError | Dnp3Anomalies.FragmentTooShort | Dnp3Anomalies.ObjectHeaderTruncated
            | Dnp3Anomalies.ObjectDataTruncated), Malformed),
        // IEC 60870-5-104/-101: type ids, causes and common addresses the standard does not define; framing.
        (ProtocolId.Iec104, (ulong)Iec104Anomalies.UnknownTypeId, "iec104-illegal-asdu-type"),
        (ProtocolId.Iec104, (ulong)(Iec104Anomalies.CauseNotUsed | Iec104Anomalies.ReservedCause), "iec104-illegal-cot"),
        (ProtocolId.Iec104, (ulong)Iec104Anomalies.CommonAddressNotUsed, "iec104-illegal-common-address"),
        (ProtocolId.Iec104, (ulong)(Iec104Anomalies.AsduTooShort | Iec104Anomalies.UnexpectedData | Iec104Anomalies.InvalidUFunction
            | Iec104Anomalies.ReservedBitsSet | Iec104Anomalies.ZeroObjects | Iec104Anomalies.ObjectsTruncated | Iec104Anomalies.TrailingBytes
            | Iec104Anomalies.InvalidTime | Iec104Anomalies.SequenceNotAllowed), Malformed),
        // S7comm: ROSCTR, function and userdata group codes that are not defined; lengths that lie.
        (ProtocolId.S7Comm, (ulong)(S7CommAnomalies.UnknownRosctr | S7CommAnomalies.UnknownFunction | S7CommAnomalies.UnknownUserdataGroup), Reserved),
        (ProtocolId.S7Comm, (ulong)(S7CommAnomalies.TruncatedHeader | S7CommAnomalies.LengthOverrun | S7CommAnomalies.TrailingBytes
            | S7CommAnomalies.TruncatedParameter | S7CommAnomalies.MalformedItem | S7CommAnomalies.InvalidUserdataHead | S7CommAnomalies.TruncatedData
            | S7CommAnomalies.TruncatedSzl | S7CommAnomalies.InvalidItemCount | S7CommAnomalies.TruncatedName), Malformed),
        // EtherNet/IP encapsulation (Vol. 2 §2-3) and CIP (Vol. 1 §2-4).
        (ProtocolId.Enip, (ulong)EnipAnomalies.UnknownCommand, Reserved),
        (ProtocolId.Enip, (ulong)(EnipAnomalies.NonZeroOptions | EnipAnomalies.CpfTruncated | EnipAnomalies.CpfTrailingBytes | EnipAnomalies.TooManyItems
            | EnipAnomalies.IdentityTruncated | EnipAnomalies.SendDataTruncated | EnipAnomalies.RequestWithStatus | EnipAnomalies.LengthMismatch), Malformed),
        (ProtocolId.Cip, (ulong)(CipAnomalies.Truncated | CipAnomalies.PathTooLong | CipAnomalies.BadPathSegment | CipAnomalies.ExtendedStatusTooLong
            | CipAnomalies.BadServiceOffset | CipAnomalies.BadEmbeddedLength | CipAnomalies.NestingTooDeep | CipAnomalies.ShortConnectionData
            | CipAnomalies.ReservedNotZero), Malformed),
        // BACnet (ASHRAE 135): every decoder finding is an Illegal BACNet message, as the sensor titles it.
        (ProtocolId.Bacnet, (ulong)(BacnetAnomalies.BvlcLengthMismatch | BacnetAnomalies.BvlcUnknownFunction | BacnetAnomalies.BvlcBadPayloadLength
            | BacnetAnomalies.NpduBadVersion | BacnetAnomalies.NpduReservedBits | BacnetAnomalies.NpduTruncated | BacnetAnomalies.NpduBadAddress
            | BacnetAnomalies.ApduTruncated | BacnetAnomalies.ApduUnknownType | BacnetAnomalies.UnknownService | BacnetAnomalies.TagMalformed
            | BacnetAnomalies.TagLimitExceeded | BacnetAnomalies.ServiceMalformed | BacnetAnomalies.BadSegmentation | BacnetAnomalies.BadRange),
            "illegal-bacnet-message"),
        // Modbus: exceptions are handled by their own detectors; here undefined codes and malformed ADUs.
        (ProtocolId.Modbus, (ulong)(ModbusAnomalies.UnknownFunction | ModbusAnomalies.ReservedMeiType | ModbusAnomalies.ReservedSubFunction), Reserved),
        (ProtocolId.Modbus, (ulong)ModbusAnomalies.ExceptionBitInRequest, "modbus-exception-by-master"),
        (ProtocolId.Modbus, (ulong)(ModbusAnomalies.InvalidProtocolId | ModbusAnomalies.InvalidLength | ModbusAnomalies.LengthMismatch
            | ModbusAnomalies.DataTooShort | ModbusAnomalies.TrailingBytes | ModbusAnomalies.ByteCountQuantityMismatch | ModbusAnomalies.ByteCountLengthMismatch
            | ModbusAnomalies.QuantityOutOfRange | ModbusAnomalies.InvalidCoilValue | ModbusAnomalies.UnknownExceptionCode | ModbusAnomalies.InvalidReferenceType
            | ModbusAnomalies.InvalidReadDeviceIdCode | ModbusAnomalies.InvalidMoreFollows | ModbusAnomalies.ByteCountOutOfRange), Malformed),
    ];

    /// <summary>
    /// (protocol, stream anomaly, alert id): anomalies a session reports about the byte stream rather than one PDU
    /// (<see cref="OtSensor.Protocols.Registry.IProtocolEventSink.OnStreamAnomaly"/>) that are a violation whatever the
    /// capture did. Resynchronisation after garbage, transport sequence breaks and unfinished fragments are left out: a
    /// capture that starts mid-stream, loses a segment or stops early produces them on a healthy link.
    /// </summary>
    private static readonly (ProtocolId Protocol, string Anomaly, string Alert)[] StreamTable =
    [
        // DNP3 (IEEE 1815-2012 §8.2): a fragment past 63 × 255 octets (Suricata's too_long_reassembly bound), far beyond
        // the 2048-octet fragment every device profile states as its maximum; the sender streams an endless fragment.
        (ProtocolId.Dnp3, Dnp3Fields.StreamTooLongReassembly, Malformed),
    ];

    private readonly int[][] _byProtocol = new int[256][];
    private readonly (ProtocolId Protocol, string Anomaly, int Type)[] _stream;
    private readonly ulong[] _mapped = new ulong[256];

    public ProtocolViolationMap(AlertCatalogue catalogue)
    {
        foreach (var (protocol, bits, alert) in Table)
        {
            var types = _byProtocol[(int)protocol] ??= NewRow();
            int type = catalogue.Get(alert).Index;
            for (ulong rest = bits; rest != 0; rest &= rest - 1) types[BitOperations.TrailingZeroCount(rest)] = type;
            _mapped[(int)protocol] |= bits;
        }
        _stream = new (ProtocolId, string, int)[StreamTable.Length];
        for (int i = 0; i < StreamTable.Length; i++)
            _stream[i] = (StreamTable[i].Protocol, StreamTable[i].Anomaly, catalogue.Get(StreamTable[i].Alert).Index);
    }

    private static int[] NewRow()
    {
        var row = new int[64];
        Array.Fill(row, -1);
        return row;
    }

    /// <summary>The anomaly bits of <paramref name="protocol"/> that raise an alert.</summary>
    public ulong Mapped(ProtocolId protocol) => _mapped[(int)protocol];

    /// <summary>The alert type for a stream anomaly of <paramref name="protocol"/>; -1 when it is not a violation.</summary>
    /// <remarks>Stream anomalies are rare (a few per flow at most): a scan of the short table costs nothing.</remarks>
    public int StreamTypeOf(ProtocolId protocol, string anomaly)
    {
        foreach (var (p, name, type) in _stream)
            if (p == protocol && string.Equals(name, anomaly, StringComparison.Ordinal)) return type;
        return -1;
    }

    /// <summary>The alert type for one anomaly bit of <paramref name="protocol"/>; -1 when the bit is not mapped.</summary>
    public int TypeOf(ProtocolId protocol, int bit) => _byProtocol[(int)protocol] is { } row ? row[bit] : -1;
}
