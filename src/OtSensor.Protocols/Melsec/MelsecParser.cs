using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Melsec;

/// <summary>Decodes one MC protocol (SLMP) 3E or 4E binary frame.</summary>
/// <remarks>
/// <para>Mitsubishi Electric SLMP Reference Manual (SH-080956ENG) and MELSEC Communication Protocol Reference Manual
/// (SH-080008): binary codes, little-endian.</para>
/// <code>
///  3E request   50 00 | Net | PC | I/O(2) | Stn | Len(2) | Timer(2) Command(2) Subcommand(2) data
///  3E response  D0 00 | Net | PC | I/O(2) | Stn | Len(2) | EndCode(2) data
///  4E           54 00 / D4 00 | Serial(2) | 00 00 | then as 3E
///  Len counts the bytes after it (timer onwards, or end code onwards).
/// </code>
/// <para>A response carries no command: the session names it from the request it answers. Never throws.</para>
/// </remarks>
public static class MelsecParser
{
    /// <summary>Header length of the frame at the start of <paramref name="data"/>; 0 when the subheader is not MC protocol.</summary>
    public static int HeaderLength(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || data[1] != 0) return 0;
        return data[0] switch
        {
            MelsecConstants.Request3E or MelsecConstants.Response3E => MelsecConstants.Header3E,
            MelsecConstants.Request4E or MelsecConstants.Response4E => MelsecConstants.Header4E,
            _ => 0,
        };
    }

    /// <summary>Parses one whole frame.</summary>
    /// <returns>False when the subheader is unknown or the header incomplete.</returns>
    public static bool TryParse(ReadOnlySpan<byte> frame, Direction direction, out MelsecMessage message)
    {
        int header = HeaderLength(frame);
        if (header == 0 || frame.Length < header)
        {
            message = default;
            return false;
        }
        message = new MelsecMessage(frame);
        ref MelsecDecoded d = ref message.Fields;
        d.Command = -1;
        d.Is4E = header == MelsecConstants.Header4E;
        d.IsResponse = (frame[0] & 0x80) != 0;
        int p = 2;
        if (d.Is4E)
        {
            d.Serial = BinaryPrimitives.ReadUInt16LittleEndian(frame[2..]);
            if (BinaryPrimitives.ReadUInt16LittleEndian(frame[4..]) != 0) d.Anomalies |= MelsecAnomalies.ReservedNotZero;
            p = 6;
        }
        d.Network = frame[p];
        d.Pc = frame[p + 1];
        d.ModuleIo = BinaryPrimitives.ReadUInt16LittleEndian(frame[(p + 2)..]);
        d.Station = frame[p + 4];
        d.DataLength = BinaryPrimitives.ReadUInt16LittleEndian(frame[(p + 5)..]);
        if (d.IsResponse != (direction == Direction.ToClient)) d.Anomalies |= MelsecAnomalies.DirectionMismatch;
        var data = frame[header..];
        if (d.DataLength != data.Length)
        {
            d.Anomalies |= MelsecAnomalies.LengthMismatch;
            if (d.DataLength < data.Length) data = data[..d.DataLength];
        }

        if (d.IsResponse)
        {
            if (data.Length < MelsecConstants.MinResponseData) d.Anomalies |= MelsecAnomalies.DataTooShort;
            else
            {
                d.HasEndCode = true;
                d.EndCode = BinaryPrimitives.ReadUInt16LittleEndian(data);
                d.PayloadOffset = header + 2;
                d.PayloadLength = data.Length - 2;
            }
        }
        else if (data.Length < MelsecConstants.MinRequestData)
        {
            d.Anomalies |= MelsecAnomalies.DataTooShort;
        }
        else
        {
            d.MonitoringTimer = BinaryPrimitives.ReadUInt16LittleEndian(data);
            d.Command = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
            d.Subcommand = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
            if (MelsecNames.Command(d.Command) is null) d.Anomalies |= MelsecAnomalies.UnknownCommand;
            d.PayloadOffset = header + 6;
            d.PayloadLength = data.Length - 6;
        }
        return true;
    }
}
