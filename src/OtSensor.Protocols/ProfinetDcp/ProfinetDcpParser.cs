using System.Buffers.Binary;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>Decodes one DCP PDU (the bytes after the PROFINET FrameID) into a <see cref="ProfinetDcpDecoded"/>.</summary>
/// <remarks>
/// IEC 61158-6-10 §4.3.1.3 (DCP PDU), header:
/// <code>
///  0         1           2          6                      8               10
///  +---------+-----------+----------+----------------------+---------------+--------------------+
///  |ServiceID|ServiceType| Xid (4)  |ResponseDelay/Reserved| DCPDataLength |  blocks ...        |
///  +---------+-----------+----------+----------------------+---------------+--------------------+
/// </code>
/// All fields big endian. Identify requests are multicast on FrameID 0xFEFE and answered on 0xFEFF; Get and Set
/// (unicast) use 0xFEFD; Hello uses 0xFEFC. The frame may carry Ethernet padding past DCPDataLength: only
/// DCPDataLength octets are blocks.
/// </remarks>
public static class ProfinetDcpParser
{
    internal static void Parse(ReadOnlySpan<byte> pdu, int frameId, out ProfinetDcpDecoded d)
    {
        d = ProfinetDcpDecoded.Empty();
        d.FrameId = frameId;
        if (pdu.Length < ProfinetDcpConstants.HeaderLength)
        {
            d.Anomalies |= ProfinetDcpAnomalies.Truncated;
            if (pdu.Length >= 1) d.ServiceId = pdu[0];
            if (pdu.Length >= 2) d.ServiceType = pdu[1];
            d.Operation = OperationOf(ref d);
            return;
        }
        d.ServiceId = pdu[0];
        d.ServiceType = pdu[1];
        d.Xid = BinaryPrimitives.ReadUInt32BigEndian(pdu[2..]);
        int delay = BinaryPrimitives.ReadUInt16BigEndian(pdu[6..]);
        d.DataLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[8..]);
        d.DataOffset = ProfinetDcpConstants.HeaderLength;
        int available = pdu.Length - ProfinetDcpConstants.HeaderLength;
        if ((uint)d.DataLength > (uint)available) d.Anomalies |= ProfinetDcpAnomalies.DataLengthBeyondFrame;
        d.DataEnd = d.DataOffset + Math.Min(d.DataLength, available);

        var service = (ProfinetDcpServiceId)d.ServiceId;
        bool response = IsResponseType(d.ServiceType);
        CheckService(ref d, service, response);
        if (service == ProfinetDcpServiceId.Identify && !response) d.ResponseDelay = delay;
        d.Layout = LayoutOf(service, response);

        var reader = new ProfinetDcpBlockReader(pdu[d.DataOffset..d.DataEnd], d.Layout);
        while (reader.TryRead(out var block))
        {
            if (++d.BlockCount > ProfinetDcpConstants.MaxBlocks)
            {
                d.BlockCount = ProfinetDcpConstants.MaxBlocks;
                d.Anomalies |= ProfinetDcpAnomalies.BlockLimitExceeded;
                break;
            }
            if (d.Layout == ProfinetDcpBlockLayout.Prefixed && block.Prefix < 0 && !IsControlResponse(block))
                d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
            if (d.Layout == ProfinetDcpBlockLayout.OptionList) CheckKnown(ref d, block.Option, block.Suboption);
            else Decode(ref d, in block);
        }
        if (reader.Truncated) d.Anomalies |= ProfinetDcpAnomalies.BlockTruncated;
        d.Operation = OperationOf(ref d);
    }

    /// <summary>ServiceType: bit 0 response success, bit 2 response "not supported" (§4.3.1.3.3).</summary>
    internal static bool IsResponseType(int serviceType) => serviceType > 0 && (serviceType & (ProfinetDcpConstants.ServiceTypeResponseSuccess | ProfinetDcpConstants.ServiceTypeNotSupported)) != 0;

    private static void CheckService(ref ProfinetDcpDecoded d, ProfinetDcpServiceId service, bool response)
    {
        if ((d.ServiceType & ~(ProfinetDcpConstants.ServiceTypeResponseSuccess | ProfinetDcpConstants.ServiceTypeNotSupported)) != 0)
            d.Anomalies |= ProfinetDcpAnomalies.BadServiceType;
        bool frameOk;
        switch (service)
        {
            case ProfinetDcpServiceId.Get:
            case ProfinetDcpServiceId.Set:
                frameOk = d.FrameId == ProfinetDcpFrameIds.GetSet;
                break;
            case ProfinetDcpServiceId.Identify:
                frameOk = d.FrameId == (response ? ProfinetDcpFrameIds.IdentifyResponse : ProfinetDcpFrameIds.IdentifyRequest);
                break;
            case ProfinetDcpServiceId.Hello:
                frameOk = d.FrameId == ProfinetDcpFrameIds.Hello;
                if (response) d.Anomalies |= ProfinetDcpAnomalies.BadServiceType;
                break;
            default:
                d.Anomalies |= ProfinetDcpAnomalies.UnknownService;
                return;
        }
        if (!frameOk) d.Anomalies |= ProfinetDcpAnomalies.FrameIdMismatch;
    }

    private static ProfinetDcpBlockLayout LayoutOf(ProfinetDcpServiceId service, bool response) => service switch
    {
        ProfinetDcpServiceId.Get => response ? ProfinetDcpBlockLayout.Prefixed : ProfinetDcpBlockLayout.OptionList,
        ProfinetDcpServiceId.Set => response ? ProfinetDcpBlockLayout.Plain : ProfinetDcpBlockLayout.Prefixed,
        ProfinetDcpServiceId.Identify => response ? ProfinetDcpBlockLayout.Prefixed : ProfinetDcpBlockLayout.Plain,
        ProfinetDcpServiceId.Hello => ProfinetDcpBlockLayout.Prefixed,
        _ => ProfinetDcpBlockLayout.Plain,
    };

    private static bool IsControlResponse(in ProfinetDcpBlock block)
        => block.Option == ProfinetDcpConstants.OptionControl && block.Suboption == ProfinetDcpConstants.ControlResponse;

    private static void Decode(ref ProfinetDcpDecoded d, in ProfinetDcpBlock block)
    {
        var value = block.Value;
        int offset = d.DataOffset + block.ValueOffset; // into the PDU, where the message reads texts back
        switch (block.Option)
        {
            case ProfinetDcpConstants.OptionIp:
                DecodeIp(ref d, in block, offset);
                return;
            case ProfinetDcpConstants.OptionDeviceProperties:
                DecodeDevice(ref d, in block, offset);
                return;
            case ProfinetDcpConstants.OptionDhcp:
                return; // DHCP options (RFC 2132 codes as suboptions): carried, not decoded
            case ProfinetDcpConstants.OptionControl:
                DecodeControl(ref d, in block);
                return;
            case ProfinetDcpConstants.OptionDeviceInitiative:
                if (block.Suboption != 1) d.Anomalies |= ProfinetDcpAnomalies.UnknownOption;
                else if (value.Length >= 2) d.DeviceInitiative = BinaryPrimitives.ReadUInt16BigEndian(value);
                else d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                return;
            case ProfinetDcpConstants.OptionAllSelector:
                if (block.Suboption == ProfinetDcpConstants.OptionAllSelector) d.AllSelector = true;
                else d.Anomalies |= ProfinetDcpAnomalies.UnknownOption;
                return;
            default:
                // 0x80–0xFE are manufacturer specific options (§4.3.1.3.4): legitimate, opaque.
                if (block.Option < 0x80) d.Anomalies |= ProfinetDcpAnomalies.UnknownOption;
                return;
        }
    }

    private static void DecodeIp(ref ProfinetDcpDecoded d, in ProfinetDcpBlock block, int offset)
    {
        var value = block.Value;
        switch (block.Suboption)
        {
            case ProfinetDcpConstants.IpMac:
                if (value.Length >= 6) d.MacOffset = offset;
                else if (!value.IsEmpty || d.Layout != ProfinetDcpBlockLayout.Plain) d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                return;
            case ProfinetDcpConstants.IpParameter:
            case ProfinetDcpConstants.IpFullSuite:
                if (value.Length >= 12)
                {
                    d.IpOffset = offset;
                    d.IpBlockInfo = block.Prefix;
                }
                else if (!value.IsEmpty || d.Layout != ProfinetDcpBlockLayout.Plain)
                {
                    d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                }
                return;
            default:
                d.Anomalies |= ProfinetDcpAnomalies.UnknownOption;
                return;
        }
    }

    private static void DecodeDevice(ref ProfinetDcpDecoded d, in ProfinetDcpBlock block, int offset)
    {
        var value = block.Value;
        switch (block.Suboption)
        {
            case ProfinetDcpConstants.DeviceVendor:
                d.VendorTextOffset = offset;
                d.VendorTextLength = TextLength(value);
                return;
            case ProfinetDcpConstants.DeviceNameOfStation:
                d.NameOffset = offset;
                d.NameLength = TextLength(value);
                // An empty name is a device without one (factory state), not a malformed name.
                if (d.NameLength > 0 && !IsDnsCompatible(value[..d.NameLength])) d.Anomalies |= ProfinetDcpAnomalies.NameNotDnsCompatible;
                return;
            case ProfinetDcpConstants.DeviceId:
            case ProfinetDcpConstants.DeviceOemId:
                if (value.Length < 4)
                {
                    d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                    return;
                }
                int vendor = BinaryPrimitives.ReadUInt16BigEndian(value);
                int device = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
                if (block.Suboption == ProfinetDcpConstants.DeviceId) (d.VendorId, d.DeviceId) = (vendor, device);
                else (d.OemVendorId, d.OemDeviceId) = (vendor, device);
                return;
            case ProfinetDcpConstants.DeviceRole:
                if (value.Length >= 1) d.DeviceRole = value[0];
                else d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                return;
            case ProfinetDcpConstants.DeviceInstance:
                if (value.Length >= 2) d.DeviceInstance = BinaryPrimitives.ReadUInt16BigEndian(value);
                else d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                return;
            case ProfinetDcpConstants.DeviceAliasName:
                d.AliasOffset = offset;
                d.AliasLength = TextLength(value);
                return;
            case ProfinetDcpConstants.DeviceOptions:
                if ((value.Length & 1) != 0) d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                return;
            default:
                d.Anomalies |= ProfinetDcpAnomalies.UnknownOption;
                return;
        }
    }

    private static void DecodeControl(ref ProfinetDcpDecoded d, in ProfinetDcpBlock block)
    {
        var value = block.Value;
        switch (block.Suboption)
        {
            case ProfinetDcpConstants.ControlStart:
            case ProfinetDcpConstants.ControlStop:
                return; // brackets of a Set transaction (§4.3.1.3.4.5), not a device start or stop
            case ProfinetDcpConstants.ControlSignal:
                if (value.Length >= 2) d.SignalValue = BinaryPrimitives.ReadUInt16BigEndian(value);
                else d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                return;
            case ProfinetDcpConstants.ControlResponse:
                if (value.Length < 3)
                {
                    d.Anomalies |= ProfinetDcpAnomalies.BlockTooShort;
                    return;
                }
                // Keep the first error, else the first answered option: a factory reset answered is still a reset.
                if (d.ResponseError < 0 || (d.ResponseError == 0 && value[2] != 0))
                    (d.ResponseOption, d.ResponseSuboption, d.ResponseError) = (value[0], value[1], value[2]);
                if (IsFactoryReset(value[0], value[1])) d.FactoryReset = true;
                return;
            case ProfinetDcpConstants.ControlFactoryReset:
            case ProfinetDcpConstants.ControlResetToFactory:
                d.FactoryReset = true;
                return;
            default:
                d.Anomalies |= ProfinetDcpAnomalies.UnknownOption;
                return;
        }
    }

    private static void CheckKnown(ref ProfinetDcpDecoded d, byte option, byte suboption)
    {
        bool known = option switch
        {
            ProfinetDcpConstants.OptionIp => suboption is >= 1 and <= 3,
            ProfinetDcpConstants.OptionDeviceProperties => suboption is >= 1 and <= 11,
            ProfinetDcpConstants.OptionDhcp => true,
            ProfinetDcpConstants.OptionControl => suboption is >= 1 and <= 6,
            ProfinetDcpConstants.OptionDeviceInitiative => suboption == 1,
            ProfinetDcpConstants.OptionAllSelector => suboption == ProfinetDcpConstants.OptionAllSelector,
            _ => option >= 0x80,
        };
        if (!known) d.Anomalies |= ProfinetDcpAnomalies.UnknownOption;
    }

    private static bool IsFactoryReset(byte option, byte suboption)
        => option == ProfinetDcpConstants.OptionControl && suboption is ProfinetDcpConstants.ControlFactoryReset or ProfinetDcpConstants.ControlResetToFactory;

    /// <summary>
    /// Identify and Hello find devices; Get reads; Set writes configuration (name, IP), except a factory reset,
    /// which restarts the device with defaults, and a Set holding only a Signal (flash the LED to locate a
    /// device), which controls the device without changing it.
    /// </summary>
    private static OtOperation OperationOf(ref ProfinetDcpDecoded d)
    {
        switch ((ProfinetDcpServiceId)d.ServiceId)
        {
            case ProfinetDcpServiceId.Identify:
            case ProfinetDcpServiceId.Hello:
                return OtOperation.Discovery;
            case ProfinetDcpServiceId.Get:
                return OtOperation.Read;
            case ProfinetDcpServiceId.Set:
                if (d.FactoryReset) return OtOperation.Restart;
                bool signalOnly = (d.SignalValue >= 0 && d.NameOffset < 0 && d.IpOffset < 0 && d.AliasOffset < 0)
                    || (d.ResponseOption == ProfinetDcpConstants.OptionControl && d.ResponseSuboption == ProfinetDcpConstants.ControlSignal);
                return signalOnly ? OtOperation.Control : OtOperation.Write;
            default:
                return OtOperation.None;
        }
    }

    /// <summary>Text up to the first NUL: devices pad NameOfStation with zeros (tshark stops there too).</summary>
    private static int TextLength(ReadOnlySpan<byte> value)
    {
        int nul = value.IndexOf((byte)0);
        return nul < 0 ? value.Length : nul;
    }

    /// <summary>IEC 61158-6-10 NameOfStation: 1–240 octets of labels a–z, 0–9, '-' separated by '.'.</summary>
    internal static bool IsDnsCompatible(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name.Length > ProfinetDcpConstants.MaxNameLength) return false;
        foreach (byte b in name)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.') continue;
            return false;
        }
        return true;
    }
}
