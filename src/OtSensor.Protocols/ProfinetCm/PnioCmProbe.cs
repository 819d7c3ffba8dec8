using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>Recognises PNIO-CM by content: a connectionless DCE/RPC header addressing a PNIO interface.</summary>
/// <remarks>
/// The probe runs on every new UDP flow on any port. PNIO-CM calls travel between ephemeral ports too (the
/// device answers from, and ApplicationReady goes to, ports learned at Connect), so the port cannot decide. What
/// can: RPC version 4, a defined packet type, a drep with ASCII characters and a known float format, one of the
/// four PNIO interface UUIDs (16 octets that chance does not meet), and a fragment length within the datagram.
/// </remarks>
public static class PnioCmProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.Length < PnioCmConstants.HeaderLength || data[0] != PnioCmConstants.RpcVersion || data[1] > PnioCmConstants.MaxPacketType)
            return ProbeResult.Unrecognized;
        byte drep0 = data[PnioCmConstants.OffsetDrep];
        if ((drep0 & 0xE0) != 0 || (drep0 & 0x0F) != 0 || data[PnioCmConstants.OffsetDrep + 1] > 3) return ProbeResult.Unrecognized;
        bool little = (drep0 & 0xF0) == PnioCmConstants.DrepLittleEndian;
        var i = PnioCmParser.InterfaceOf(data.Slice(PnioCmConstants.OffsetInterface, 16), little);
        if (!PnioCmParser.IsPnio(i)) return ProbeResult.Unrecognized;
        int length = little
            ? data[PnioCmConstants.OffsetFragmentLength] | (data[PnioCmConstants.OffsetFragmentLength + 1] << 8)
            : (data[PnioCmConstants.OffsetFragmentLength] << 8) | data[PnioCmConstants.OffsetFragmentLength + 1];
        return length <= data.Length - PnioCmConstants.HeaderLength ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
