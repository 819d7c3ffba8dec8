using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Bacnet;

/// <summary>Service parameters (ANSI/ASHRAE 135 §13–§17), each walked with the bounded <see cref="BacnetTagReader"/>.</summary>
internal static partial class BacnetParser
{
    private const int None = -1;

    private static void DecodeService(BacnetPduType pduType, ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        int choice = d.ServiceChoice;
        switch (pduType)
        {
            case BacnetPduType.ConfirmedRequest:
                switch (choice)
                {
                    case 0: ObjectProperty(s, ref d, obj: 1, prop: None, index: None, device: None, process: 0, required: true); break;
                    case 1 or 2: ObjectProperty(s, ref d, obj: 2, prop: None, index: None, device: 1, process: 0, required: true); break;
                    case 5 or 28: ObjectProperty(s, ref d, obj: 1, prop: None, index: None, device: None, process: 0, required: true); break;
                    case 6 or 7 or 11: FirstApplicationObject(s, ref d); break;
                    case 12 or 15 or 26: ObjectProperty(s, ref d, obj: 0, prop: 1, index: 2, device: None, process: None, required: true); break;
                    case 14 or 16: PropertyList(s, ref d, ack: false); break;
                    case 17: CommunicationControl(s, ref d); break;
                    case 20: Reinitialize(s, ref d); break;
                    default: Walk(s, ref d); break;
                }
                break;
            case BacnetPduType.ComplexAck:
                switch (choice)
                {
                    case 12: ObjectProperty(s, ref d, obj: 0, prop: 1, index: 2, device: None, process: None, required: true); break;
                    case 14: PropertyList(s, ref d, ack: true); break;
                    default: Walk(s, ref d); break;
                }
                if (choice is 12 or 14) d.IdentityValues = WalkIdentity(s, choice == 14, null);
                break;
            case BacnetPduType.UnconfirmedRequest:
                switch (choice)
                {
                    case 0: IAm(s, ref d); break;
                    case 1: IHave(s, ref d); break;
                    case 2 or 3: ObjectProperty(s, ref d, obj: 2, prop: None, index: None, device: 1, process: 0, required: true); break;
                    case 7: WhoIsOrHas(s, ref d, who: 7); break;
                    case 8: WhoIsOrHas(s, ref d, who: 8); break;
                    default: Walk(s, ref d); break;
                }
                break;
            case BacnetPduType.Error:
                Error(s, ref d);
                break;
        }
    }

    /// <summary>Checks the tags of a service not decoded further, so malformed encodings still show.</summary>
    private static void Walk(ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        var r = new BacnetTagReader(s);
        while (r.TryRead(out _)) { }
        d.Anomalies |= r.Error;
    }

    /// <summary>Top-level context tags: object identifier, property identifier, array index, device, process id.</summary>
    private static void ObjectProperty(ReadOnlySpan<byte> s, ref BacnetDecoded d, int obj, int prop, int index, int device, int process, bool required)
    {
        var r = new BacnetTagReader(s);
        while (r.TryRead(out var t))
        {
            if (t.Depth != 0 || !t.IsContext || !t.IsPrimitive) continue;
            int n = t.Number;
            if (n == obj && d.ObjectType < 0 && t.TryGetObjectId(out int type, out uint instance)) { d.ObjectType = type; d.ObjectInstance = instance; }
            else if (n == prop && d.PropertyId < 0 && t.TryGetUnsigned(out uint p)) d.PropertyId = p;
            else if (n == index && d.ArrayIndex < 0 && t.TryGetUnsigned(out uint i)) d.ArrayIndex = i;
            else if (n == device && d.DeviceInstance < 0 && t.TryGetObjectId(out _, out uint dev)) d.DeviceInstance = dev;
            else if (n == process && d.ProcessId < 0 && t.TryGetUnsigned(out uint pid)) d.ProcessId = pid;
        }
        d.Anomalies |= r.Error;
        if (required && (d.ObjectType < 0 || (prop >= 0 && d.PropertyId < 0))) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    /// <summary>AtomicReadFile/AtomicWriteFile (§14.1, §14.2) and DeleteObject (§15.4): an application object identifier first.</summary>
    private static void FirstApplicationObject(ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        var r = new BacnetTagReader(s);
        if (r.TryRead(out var t) && t.IsApplication(BacnetApplicationTag.ObjectIdentifier) && t.TryGetObjectId(out int type, out uint instance))
        {
            d.ObjectType = type;
            d.ObjectInstance = instance;
        }
        else d.Anomalies |= BacnetAnomalies.ServiceMalformed;
        while (r.TryRead(out _)) { }
        d.Anomalies |= r.Error;
    }

    /// <summary>
    /// ReadPropertyMultiple / WritePropertyMultiple (§15.7, §15.10): per object, [0] object identifier then [1] a list
    /// of property references ([0] property) in requests, or of results ([2] property, [4] value / [5] error) in acks.
    /// </summary>
    private static void PropertyList(ReadOnlySpan<byte> s, ref BacnetDecoded d, bool ack)
    {
        byte propTag = ack ? (byte)2 : (byte)0;
        var r = new BacnetTagReader(s);
        while (r.TryRead(out var t))
        {
            if (t.Depth == 0 && t.IsContextPrimitive(0))
            {
                if (d.ObjectType < 0 && t.TryGetObjectId(out int type, out uint instance)) { d.ObjectType = type; d.ObjectInstance = instance; }
            }
            else if (t.Depth == 1 && t.IsContextPrimitive(propTag) && t.TryGetUnsigned(out uint p))
            {
                if (d.PropertyId < 0) d.PropertyId = p;
                d.PropertyCount++;
            }
        }
        d.Anomalies |= r.Error;
        if (d.ObjectType < 0) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    /// <summary>DeviceCommunicationControl (§16.1): [0] time duration (minutes, optional), [1] enable/disable, [2] password.</summary>
    private static void CommunicationControl(ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        var r = new BacnetTagReader(s);
        while (r.TryRead(out var t))
        {
            if (t.Depth != 0) continue;
            if (t.IsContextPrimitive(0) && t.TryGetUnsigned(out uint minutes)) d.Duration = minutes;
            else if (t.IsContextPrimitive(1) && t.TryGetUnsigned(out uint state)) d.CommunicationState = (int)Math.Min(state, int.MaxValue);
        }
        d.Anomalies |= r.Error;
        if (d.CommunicationState < 0) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    /// <summary>ReinitializeDevice (§16.4): [0] reinitialized state of device, [1] password (optional).</summary>
    private static void Reinitialize(ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        var r = new BacnetTagReader(s);
        while (r.TryRead(out var t))
        {
            if (t.Depth == 0 && t.IsContextPrimitive(0) && t.TryGetUnsigned(out uint state)) d.ReinitializeState = (int)Math.Min(state, int.MaxValue);
        }
        d.Anomalies |= r.Error;
        if (d.ReinitializeState < 0) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    /// <summary>I-Am (§16.10.3): device identifier, max APDU length accepted, segmentation supported, vendor id, all application tagged.</summary>
    private static void IAm(ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        var r = new BacnetTagReader(s);
        bool ok = r.TryRead(out var t) && t.IsApplication(BacnetApplicationTag.ObjectIdentifier) && t.TryGetObjectId(out int type, out uint instance) && type == BacnetConstants.DeviceObjectType;
        if (ok)
        {
            t.TryGetObjectId(out _, out uint device);
            d.DeviceInstance = device;
        }
        ok = ok && r.TryRead(out t) && t.IsApplication(BacnetApplicationTag.Unsigned) && t.TryGetUnsigned(out uint maxApdu) && Set(ref d.MaxApduAccepted, maxApdu);
        ok = ok && r.TryRead(out t) && t.IsApplication(BacnetApplicationTag.Enumerated) && t.TryGetUnsigned(out uint segmentation) && Set(ref d.SegmentationSupported, segmentation);
        ok = ok && r.TryRead(out t) && t.IsApplication(BacnetApplicationTag.Unsigned) && t.TryGetUnsigned(out uint vendor) && Set(ref d.VendorId, vendor);
        d.Anomalies |= r.Error;
        if (!ok) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    /// <summary>I-Have (§16.9.3): device identifier, object identifier, object name.</summary>
    private static void IHave(ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        var r = new BacnetTagReader(s);
        bool ok = r.TryRead(out var t) && t.IsApplication(BacnetApplicationTag.ObjectIdentifier) && t.TryGetObjectId(out _, out uint device);
        if (ok)
        {
            t.TryGetObjectId(out _, out uint dev);
            d.DeviceInstance = dev;
        }
        ok = ok && r.TryRead(out t) && t.IsApplication(BacnetApplicationTag.ObjectIdentifier) && t.TryGetObjectId(out int type, out uint instance);
        if (ok)
        {
            t.TryGetObjectId(out int objType, out uint objInstance);
            d.ObjectType = objType;
            d.ObjectInstance = objInstance;
        }
        ok = ok && r.TryRead(out t) && t.IsApplication(BacnetApplicationTag.CharacterString);
        d.Anomalies |= r.Error;
        if (!ok) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    /// <summary>
    /// Who-Is (§16.10.1) and Who-Has (§16.9.1): optional [0] low and [1] high device instance limits, both or
    /// neither; Who-Has then [2] object identifier or [3] object name.
    /// </summary>
    private static void WhoIsOrHas(ReadOnlySpan<byte> s, ref BacnetDecoded d, int who)
    {
        var r = new BacnetTagReader(s);
        bool target = false;
        while (r.TryRead(out var t))
        {
            if (t.Depth != 0 || !t.IsContext || !t.IsPrimitive) continue;
            if (t.Number == 0 && t.TryGetUnsigned(out uint low)) d.LowLimit = low;
            else if (t.Number == 1 && t.TryGetUnsigned(out uint high)) d.HighLimit = high;
            else if (who == 7 && t.Number == 2 && t.TryGetObjectId(out int type, out uint instance)) { d.ObjectType = type; d.ObjectInstance = instance; target = true; }
            else if (who == 7 && t.Number == 3) target = true;
        }
        d.Anomalies |= r.Error;
        if ((d.LowLimit < 0) != (d.HighLimit < 0) || d.LowLimit > d.HighLimit) d.Anomalies |= BacnetAnomalies.BadRange;
        if (who == 7 && !target) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    /// <summary>Error PDU (§18, §21 BACnet-Error): error class then error code, application enumerated, possibly inside [0].</summary>
    private static void Error(ReadOnlySpan<byte> s, ref BacnetDecoded d)
    {
        var r = new BacnetTagReader(s);
        while (r.TryRead(out var t))
        {
            if (!t.IsApplication(BacnetApplicationTag.Enumerated) || !t.TryGetUnsigned(out uint value)) continue;
            int v = (int)Math.Min(value, int.MaxValue);
            if (d.ErrorClass < 0) d.ErrorClass = v;
            else { d.ErrorCode = v; break; }
        }
        d.Anomalies |= r.Error;
        if (d.ErrorCode < 0) d.Anomalies |= BacnetAnomalies.ServiceMalformed;
    }

    private static bool Set(ref long field, uint value)
    {
        field = value;
        return true;
    }

    private static bool Set(ref int field, uint value)
    {
        field = (int)Math.Min(value, int.MaxValue);
        return true;
    }

    /// <summary>
    /// Device identity in a ReadProperty (§15.5.1.3: [0] object, [1] property, [3] value) or ReadPropertyMultiple
    /// ack (§15.7.1.3: [0] object, [1]{ [2] property, [4]{ value } }): character strings of the device object's
    /// object-name, model-name, firmware-revision, vendor-name and application-software-version. Returns how many
    /// it found; hands each to <paramref name="receiver"/> when given. Used by the parser and again by the message.
    /// </summary>
    internal static int WalkIdentity(ReadOnlySpan<byte> s, bool multiple, IIdentityReceiver? receiver)
    {
        var r = new BacnetTagReader(s);
        int objectType = -1, valueDepth = multiple ? 2 : 1, propDepth = multiple ? 1 : 0, found = 0;
        byte propTag = multiple ? (byte)2 : (byte)1, valueTag = multiple ? (byte)4 : (byte)3;
        long property = -1;
        bool expectValue = false;
        Span<byte> buffer = stackalloc byte[MaxTextLength];
        while (r.TryRead(out var t))
        {
            if (expectValue)
            {
                expectValue = false;
                if (objectType == BacnetConstants.DeviceObjectType && t.Depth == valueDepth && t.IsApplication(BacnetApplicationTag.CharacterString)
                    && IdentityOf(property, out var field, out string? source) && TextOf(t.Value, buffer, out var text))
                {
                    found++;
                    receiver?.OnIdentity(field, text, source!);
                }
                continue;
            }
            if (t.Depth == 0 && t.IsContextPrimitive(0) && t.TryGetObjectId(out int type, out _)) { objectType = type; property = -1; }
            else if (t.Depth == propDepth && t.IsContextPrimitive(propTag) && t.TryGetUnsigned(out uint p)) property = p;
            else if (t.Depth == propDepth && t.IsOpening(valueTag)) expectValue = true;
        }
        return found;
    }

    private static bool IdentityOf(long property, out IdentityField field, out string? source)
    {
        (field, source) = property switch
        {
            BacnetConstants.PropObjectName => (IdentityField.Name, "bacnet device object-name (77)"),
            BacnetConstants.PropModelName => (IdentityField.Model, "bacnet device model-name (70)"),
            BacnetConstants.PropFirmwareRevision => (IdentityField.Firmware, "bacnet device firmware-revision (44)"),
            BacnetConstants.PropVendorName => (IdentityField.Vendor, "bacnet device vendor-name (121)"),
            BacnetConstants.PropApplicationSoftwareVersion => (IdentityField.Firmware, "bacnet device application-software-version (12)"),
            _ => (IdentityField.Name, null),
        };
        return source is not null;
    }

    /// <summary>Longest identity text handed on, in UTF-8 octets; longer values are cut at a character boundary.</summary>
    internal const int MaxTextLength = 255;

    /// <summary>
    /// CharacterString (§20.2.9): a character set octet, then the characters. UTF-8 (0) passes as is; UCS-2 big
    /// endian (4) and ISO 8859-1 (5) are transcoded to UTF-8 into <paramref name="buffer"/>; DBCS, JIS and UCS-4
    /// are not decoded. Trailing NULs some devices pad with are dropped.
    /// </summary>
    internal static bool TextOf(ReadOnlySpan<byte> value, Span<byte> buffer, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (value.Length < 2) return false;
        var chars = value[1..];
        int n = 0;
        switch (value[0])
        {
            case 0:
                text = chars.Length > MaxTextLength ? chars[..MaxTextLength] : chars;
                break;
            case 4:
                for (int i = 0; i + 1 < chars.Length; i += 2)
                {
                    int c = (chars[i] << 8) | chars[i + 1];
                    if (!AppendUtf8(buffer, ref n, c)) break;
                }
                text = buffer[..n];
                break;
            case 5:
                for (int i = 0; i < chars.Length; i++)
                {
                    if (!AppendUtf8(buffer, ref n, chars[i])) break;
                }
                text = buffer[..n];
                break;
            default:
                return false;
        }
        int end = text.IndexOf((byte)0);
        if (end >= 0) text = text[..end];
        return !text.IsEmpty;
    }

    /// <summary>Appends one BMP code point as UTF-8; surrogates become U+FFFD. False when the buffer is full.</summary>
    private static bool AppendUtf8(Span<byte> buffer, ref int n, int c)
    {
        if (c is >= 0xD800 and <= 0xDFFF) c = 0xFFFD;
        int size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        if (n + size > buffer.Length) return false;
        switch (size)
        {
            case 1:
                buffer[n++] = (byte)c;
                break;
            case 2:
                buffer[n++] = (byte)(0xC0 | (c >> 6));
                buffer[n++] = (byte)(0x80 | (c & 0x3F));
                break;
            default:
                buffer[n++] = (byte)(0xE0 | (c >> 12));
                buffer[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                buffer[n++] = (byte)(0x80 | (c & 0x3F));
                break;
        }
        return true;
    }
}
