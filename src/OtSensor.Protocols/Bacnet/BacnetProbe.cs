using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Bacnet;

/// <summary>Recognises BACnet/IP by content: a BVLL header whose length is the datagram's, and a valid NPDU header.</summary>
/// <remarks>
/// Annex J.2: type 0x81, a defined function (0x00–0x0C), a length field equal to the datagram length, the payload
/// size each BVLC-only function fixes, and for NPDU-carrying functions version 1 with the reserved control bits
/// clear (§6.2). The probe runs on every new UDP flow on any port, so each of these checks is required.
/// </remarks>
public static class BacnetProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.Length < BacnetConstants.BvlcHeaderLength || data[0] != BacnetConstants.BvlcTypeIp) return ProbeResult.Unrecognized;
        int function = data[1];
        if (function > BacnetConstants.MaxBvlcFunction) return ProbeResult.Unrecognized;
        int length = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        if (length != data.Length) return LengthMismatchIsBacnet(data, length) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
        int payload = data.Length - BacnetConstants.BvlcHeaderLength;
        bool ok = function switch
        {
            0x00 or 0x05 => payload == 2,
            0x02 or 0x06 => payload == 0,
            0x01 or 0x03 or 0x07 => payload % 10 == 0,
            0x08 => payload == 6,
            0x04 => payload >= 8 && IsNpdu(data[10..]),
            0x09 or 0x0A or 0x0B => payload >= 2 && IsNpdu(data[4..]),
            _ => false, // Secure-BVLL is opaque: too little to tell BACnet from chance
        };
        return ok ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>
    /// A BVLC length short of the datagram (seen from fuzzers and broken stacks, e.g. a ReinitializeDevice password
    /// past the length) is accepted only when the datagram also holds a whole NPDU and APDU header with a defined
    /// service and well-formed tags: together far more than chance meets.
    /// </summary>
    private static bool LengthMismatchIsBacnet(ReadOnlySpan<byte> data, int length)
    {
        if (length < BacnetConstants.BvlcHeaderLength + 2 || length > data.Length || data[1] is not (0x0A or 0x0B)) return false;
        BacnetParser.Parse(data, out var d);
        const BacnetAnomalies tolerated = BacnetAnomalies.BvlcLengthMismatch;
        return d.HasApdu && d.ServiceChoice >= 0 && (d.Anomalies & ~tolerated) == 0;
    }

    private static bool IsNpdu(ReadOnlySpan<byte> npdu)
        => npdu.Length >= 2 && npdu[0] == BacnetConstants.NpduVersion && (npdu[1] & BacnetConstants.NpduReservedBits) == 0;
}
