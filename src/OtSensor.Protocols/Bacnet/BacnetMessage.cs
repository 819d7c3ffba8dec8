using System.Globalization;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Bacnet;

/// <summary>
/// One BACnet/IP BVLL message as decoded: BVLC function, NPDU routing fields and network message, APDU header
/// and the parameters of its service.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> over the datagram, valid only during <see cref="Registry.IProtocolEventSink.OnBacnet"/>.
/// Event-log contract: <c>function</c> is the confirmed (PDU types 0, 2, 3, 5) or unconfirmed (type 1) service
/// choice, with <c>pduType</c> to tell the two numbering spaces apart. Messages without an APDU (BVLC-only
/// functions such as Register-Foreign-Device and the BDT/FDT reads, network layer messages) and APDUs without a
/// service choice (Segment-ACK, Reject, Abort) are recorded too, with <c>function</c> -1 (null) and their
/// <c>bvlcFunction</c>, so they never add service counts; <c>pduType</c> is written only when an APDU exists.
/// </remarks>
public readonly ref struct BacnetMessage : IProtocolMessage
{
    private const string IAmVendorSource = "bacnet i-Am vendor-identifier";

    private readonly ReadOnlySpan<byte> _datagram;
    private readonly BacnetDecoded _d;

    /// <summary>A message over <paramref name="datagram"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal BacnetMessage(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref BacnetDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Bacnet;

    /// <summary>Service choice of the APDU; -1 when there is none (no APDU, Segment-ACK, Reject, Abort).</summary>
    public int Function => _d.HasApdu ? _d.ServiceChoice : -1;

    public string? FunctionName => Function >= 0 ? BacnetNames.Service(PduType, _d.ServiceChoice) : null;

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public BacnetAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => BacnetNames.Anomaly(bit);

    public int BvlcFunction => _d.BvlcFunction;

    public bool HasApdu => _d.HasApdu;

    public BacnetPduType PduType => (BacnetPduType)_d.PduType;

    public int InvokeId => _d.InvokeId;

    /// <summary>DNET of the NPDU; -1 when absent.</summary>
    public int DestinationNetwork => _d.Dnet;

    /// <summary>SNET of the NPDU; -1 when absent.</summary>
    public int SourceNetwork => _d.Snet;

    /// <summary>Network layer message type (§6.2.4); -1 for an NPDU carrying an APDU.</summary>
    public int NetworkMessageType => _d.NetworkMessageType;

    public int ObjectType => _d.ObjectType;

    public long ObjectInstance => _d.ObjectInstance;

    public long PropertyId => _d.PropertyId;

    /// <summary>Device instance of an I-Am or I-Have (or the initiating device of a notification); -1 otherwise.</summary>
    public long DeviceInstance => _d.DeviceInstance;

    public long VendorId => _d.VendorId;

    public long MaxApduAccepted => _d.MaxApduAccepted;

    public int ErrorClass => _d.ErrorClass;

    public int ErrorCode => _d.ErrorCode;

    /// <summary>Reject or abort reason; -1 for other PDU types.</summary>
    public int Reason => _d.Reason;

    /// <summary>For Reject, Abort and Segment-ACK: the service of the confirmed request with the same invoke id; -1 when unseen.</summary>
    public int RequestService => _d.RequestService;

    public int ReinitializeState => _d.ReinitializeState;

    public int CommunicationState => _d.CommunicationState;

    /// <summary>The service parameters of the APDU (empty when there is no service).</summary>
    public ReadOnlySpan<byte> ServiceData => _d.HasApdu && _d.ServiceOffset > 0 && _d.ServiceOffset <= _datagram.Length ? _datagram[_d.ServiceOffset..] : default;

    private bool IsIAm => _d.HasApdu && PduType == BacnetPduType.UnconfirmedRequest && _d.ServiceChoice == 0;

    /// <summary>An I-Am with a vendor in <see cref="BacnetVendors"/>, or a read ack carrying device identity properties.</summary>
    public bool HasIdentity => _d.IdentityValues > 0 || (IsIAm && !BacnetVendors.NameUtf8(_d.VendorId).IsEmpty);

    /// <summary>
    /// I-Am vendor identifier → vendor (name from <see cref="BacnetVendors"/>); device object properties in a
    /// ReadProperty(-Multiple) ack: object-name → name, model-name → model, firmware-revision and
    /// application-software-version → firmware, vendor-name → vendor.
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (IsIAm)
        {
            var vendor = BacnetVendors.NameUtf8(_d.VendorId);
            if (!vendor.IsEmpty) receiver.OnIdentity(IdentityField.Vendor, vendor, IAmVendorSource);
        }
        if (_d.IdentityValues > 0) BacnetParser.WalkIdentity(ServiceData, _d.ServiceChoice == 14, receiver);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_d.HasApdu)
        {
            writer.WriteNumber(BacnetFields.PduType, _d.PduType);
            WriteNameOrNull(writer, BacnetFields.PduTypeName, BacnetNames.PduType(_d.PduType));
        }
        if (_d.BvlcFunction >= 0) writer.WriteNumber(BacnetFields.BvlcFunction, _d.BvlcFunction);
        else writer.WriteNull(BacnetFields.BvlcFunction);
        WriteNameOrNull(writer, BacnetFields.BvlcFunctionName, BacnetNames.BvlcFunction(_d.BvlcFunction));
        if (_d.BvlcFunction >= 0) writer.WriteNumber(BacnetFields.BvlcLength, _d.BvlcLength);
        else writer.WriteNull(BacnetFields.BvlcLength);
        if (_d.BvlcResult >= 0)
        {
            writer.WriteNumber(BacnetFields.BvlcResult, _d.BvlcResult);
            WriteNameOrNull(writer, BacnetFields.BvlcResultName, BacnetNames.BvlcResult(_d.BvlcResult));
        }
        WriteIfPresent(writer, BacnetFields.ForeignDeviceTtl, _d.ForeignDeviceTtl);
        WriteIfPresent(writer, BacnetFields.TableEntries, _d.TableEntries);
        if (_d.HasOriginalSource && _datagram.Length >= 10) WriteEndpoint(writer, _datagram.Slice(4, 6));
        if (_d.HasNpdu) WriteNpdu(writer);
        if (_d.HasApdu) WriteApdu(writer);
    }

    private void WriteNpdu(Utf8JsonWriter writer)
    {
        byte control = _d.NpduControl;
        writer.WriteNumber(BacnetFields.NpduControl, control);
        writer.WriteBoolean(BacnetFields.ExpectingReply, (control & BacnetConstants.NpduExpectingReply) != 0);
        writer.WriteNumber(BacnetFields.Priority, control & BacnetConstants.NpduPriorityMask);
        if (_d.Dnet >= 0)
        {
            writer.WriteNumber(BacnetFields.Dnet, _d.Dnet);
            WriteHex(writer, BacnetFields.Dadr, _datagram.Slice(_d.DadrOffset, _d.DadrLength));
        }
        if (_d.Snet >= 0)
        {
            writer.WriteNumber(BacnetFields.Snet, _d.Snet);
            WriteHex(writer, BacnetFields.Sadr, _datagram.Slice(_d.SadrOffset, _d.SadrLength));
        }
        WriteIfPresent(writer, BacnetFields.HopCount, _d.HopCount);
        if (_d.NetworkMessageType >= 0)
        {
            writer.WriteNumber(BacnetFields.NetworkMessageType, _d.NetworkMessageType);
            WriteNameOrNull(writer, BacnetFields.NetworkMessageName, BacnetNames.NetworkMessage(_d.NetworkMessageType));
            WriteIfPresent(writer, BacnetFields.NetworkVendorId, _d.NetworkVendorId);
        }
    }

    private void WriteApdu(Utf8JsonWriter writer)
    {
        var type = PduType;
        byte flags = _d.ApduFlags;
        if (type is BacnetPduType.ConfirmedRequest or BacnetPduType.ComplexAck)
        {
            writer.WriteBoolean(BacnetFields.Segmented, (flags & BacnetConstants.ApduSegmented) != 0);
            writer.WriteBoolean(BacnetFields.MoreFollows, (flags & BacnetConstants.ApduMoreFollows) != 0);
        }
        if (type == BacnetPduType.ConfirmedRequest)
            writer.WriteBoolean(BacnetFields.SegmentedResponseAccepted, (flags & BacnetConstants.ApduSegmentedResponseAccepted) != 0);
        if (type == BacnetPduType.SegmentAck)
            writer.WriteBoolean(BacnetFields.NegativeAck, (flags & BacnetConstants.ApduNegativeAck) != 0);
        if (type is BacnetPduType.SegmentAck or BacnetPduType.Abort)
            writer.WriteBoolean(BacnetFields.FromServer, (flags & BacnetConstants.ApduServer) != 0);
        WriteIfPresent(writer, BacnetFields.InvokeId, _d.InvokeId);
        WriteIfPresent(writer, BacnetFields.SequenceNumber, _d.SequenceNumber);
        WriteIfPresent(writer, BacnetFields.WindowSize, _d.WindowSize);
        WriteIfPresent(writer, BacnetFields.MaxSegments, _d.MaxSegments);
        WriteIfPresent(writer, BacnetFields.MaxApdu, _d.MaxApdu);
        if (_d.Reason >= 0)
        {
            bool reject = type == BacnetPduType.Reject;
            writer.WriteNumber(reject ? BacnetFields.RejectReason : BacnetFields.AbortReason, _d.Reason);
            WriteNameOrNull(writer, BacnetFields.ReasonName, reject ? BacnetNames.RejectReason(_d.Reason) : BacnetNames.AbortReason(_d.Reason));
        }
        if (_d.RequestService >= 0)
        {
            writer.WriteNumber(BacnetFields.RequestService, _d.RequestService);
            WriteNameOrNull(writer, BacnetFields.RequestServiceName, BacnetNames.Service(BacnetPduType.ConfirmedRequest, _d.RequestService));
        }
        if (_d.ObjectType >= 0)
        {
            writer.WriteNumber(BacnetFields.ObjectType, _d.ObjectType);
            WriteNameOrNull(writer, BacnetFields.ObjectTypeName, BacnetNames.ObjectType(_d.ObjectType));
            writer.WriteNumber(BacnetFields.ObjectInstance, _d.ObjectInstance);
        }
        if (_d.PropertyId >= 0)
        {
            writer.WriteNumber(BacnetFields.PropertyId, _d.PropertyId);
            WriteNameOrNull(writer, BacnetFields.PropertyName, BacnetNames.Property(_d.PropertyId));
        }
        WriteIfPresent(writer, BacnetFields.ArrayIndex, _d.ArrayIndex);
        if (_d.PropertyCount > 0) writer.WriteNumber(BacnetFields.PropertyCount, _d.PropertyCount);
        WriteIfPresent(writer, BacnetFields.DeviceInstance, _d.DeviceInstance);
        WriteIfPresent(writer, BacnetFields.MaxApduAccepted, _d.MaxApduAccepted);
        if (_d.SegmentationSupported >= 0)
            WriteNameOrNull(writer, BacnetFields.Segmentation, BacnetNames.Segmentation(_d.SegmentationSupported));
        if (_d.VendorId >= 0)
        {
            writer.WriteNumber(BacnetFields.VendorId, _d.VendorId);
            WriteNameOrNull(writer, BacnetFields.VendorName, BacnetVendors.Name(_d.VendorId));
        }
        WriteIfPresent(writer, BacnetFields.LowLimit, _d.LowLimit);
        WriteIfPresent(writer, BacnetFields.HighLimit, _d.HighLimit);
        WriteIfPresent(writer, BacnetFields.ProcessId, _d.ProcessId);
        if (_d.ErrorClass >= 0)
        {
            writer.WriteNumber(BacnetFields.ErrorClass, _d.ErrorClass);
            WriteNameOrNull(writer, BacnetFields.ErrorClassName, BacnetNames.ErrorClass(_d.ErrorClass));
        }
        WriteIfPresent(writer, BacnetFields.ErrorCode, _d.ErrorCode);
        if (_d.ReinitializeState >= 0)
        {
            writer.WriteNumber(BacnetFields.ReinitializeState, _d.ReinitializeState);
            WriteNameOrNull(writer, BacnetFields.ReinitializeStateName, BacnetNames.ReinitializeState(_d.ReinitializeState));
        }
        if (_d.CommunicationState >= 0)
        {
            writer.WriteNumber(BacnetFields.CommunicationState, _d.CommunicationState);
            WriteNameOrNull(writer, BacnetFields.CommunicationStateName, BacnetNames.CommunicationState(_d.CommunicationState));
        }
        WriteIfPresent(writer, BacnetFields.Duration, _d.Duration);
    }

    /// <summary>B/IP address (Annex J.1.2): four IPv4 octets then the UDP port, big endian, written "a.b.c.d:port".</summary>
    private static void WriteEndpoint(Utf8JsonWriter writer, ReadOnlySpan<byte> address)
    {
        Span<char> chars = stackalloc char[24];
        int n = 0;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) chars[n++] = '.';
            address[i].TryFormat(chars[n..], out int w, provider: CultureInfo.InvariantCulture);
            n += w;
        }
        chars[n++] = ':';
        ((address[4] << 8) | address[5]).TryFormat(chars[n..], out int pw, provider: CultureInfo.InvariantCulture);
        n += pw;
        writer.WriteString(BacnetFields.OriginalSource, chars[..n]);
    }

    private static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[2 * byte.MaxValue];
        Convert.TryToHexStringLower(value, chars, out int n);
        writer.WriteString(name, chars[..n]);
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, long value)
    {
        if (value >= 0) writer.WriteNumber(name, value);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
