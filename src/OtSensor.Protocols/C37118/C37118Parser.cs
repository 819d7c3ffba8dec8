using System.Buffers.Binary;

namespace OtSensor.Protocols.C37118;

/// <summary>Decodes one IEEE C37.118.2-2011 synchrophasor frame (command and configuration frames in full).</summary>
/// <remarks>
/// <code>
///  0      2          4       6       10          14                       FRAMESIZE-2
///  +------+----------+-------+-------+-----------+------------------------+-----+
///  | SYNC | FRAMESIZE|IDCODE |  SOC  | FRACSEC   | frame body             | CHK |
///  +------+----------+-------+-------+-----------+------------------------+-----+
///  SYNC = 0xAA, then bit 7 reserved, bits 6-4 frame type (0 data, 1 header, 2 CFG-1, 3 CFG-2, 4 command,
///  5 CFG-3), bits 3-0 version (1 = C37.118-2005, 2 = C37.118.2-2011). FRACSEC = time quality (8) + fraction (24).
///  CHK = CRC-CCITT over every byte before it.
///
///  Command: CMD(2) [EXTFRAME for CMD 8]
///  CFG-1/2: TIME_BASE(4) NUM_PMU(2) { STN(16) IDCODE(2) FORMAT(2) PHNMR(2) ANNMR(2) DGNMR(2)
///           CHNAM(16 x (PHNMR + ANNMR + 16 x DGNMR)) PHUNIT(4 x PHNMR) ANUNIT(4 x ANNMR) DIGUNIT(4 x DGNMR)
///           FNOM(2) CFGCNT(2) } x NUM_PMU DATA_RATE(2)
///  CFG-3:   CONT_IDX(2) TIME_BASE(4) NUM_PMU(2) { STN (1-byte length + name) IDCODE(2) ... } (first PMU only)
/// </code>
/// <para>Data frames need their configuration to be split into phasors; they are recorded with their header only.
/// Every count is checked against the bytes before CHK; nothing throws, nothing allocates.</para>
/// </remarks>
public static class C37118Parser
{
    /// <summary>Parses one frame (exactly FRAMESIZE bytes when framed by the session).</summary>
    /// <returns>False only when fewer than <see cref="C37118Constants.HeaderLength"/> bytes were given.</returns>
    public static bool TryParse(ReadOnlySpan<byte> frame, out C37118Message message)
    {
        if (frame.Length < C37118Constants.HeaderLength)
        {
            message = default;
            return false;
        }

        message = new C37118Message(frame);

        ref C37118Decoded d = ref message.Fields;
        d.FrameType = (frame[1] >> 4) & 0x07;
        d.Version = frame[1] & 0x0F;
        d.FrameSize = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
        d.IdCode = BinaryPrimitives.ReadUInt16BigEndian(frame[4..]);
        d.Soc = BinaryPrimitives.ReadUInt32BigEndian(frame[6..]);
        d.TimeQuality = frame[10];
        d.FractionOfSecond = BinaryPrimitives.ReadUInt32BigEndian(frame[10..]) & 0x00FFFFFF;
        if ((frame[1] & 0x80) != 0 || d.FrameType > C37118Constants.FrameTypeConfig3) d.Anomalies |= C37118Anomalies.ReservedFrameType;
        if (d.Version is not (1 or 2)) d.Anomalies |= C37118Anomalies.UnknownVersion;

        ReadOnlySpan<byte> body;
        if (d.FrameSize != frame.Length || d.FrameSize < C37118Constants.MinFrameLength)
        {
            d.Anomalies |= C37118Anomalies.FrameSizeMismatch;
            body = frame.Length >= C37118Constants.MinFrameLength ? frame[C37118Constants.HeaderLength..^C37118Constants.ChecksumLength] : default;
        }
        else
        {
            body = frame[C37118Constants.HeaderLength..^C37118Constants.ChecksumLength];
        }

        if (frame.Length >= C37118Constants.MinFrameLength)
        {
            d.Checksum = BinaryPrimitives.ReadUInt16BigEndian(frame[^2..]);
            if (C37118Crc.Compute(frame[..^2]) != d.Checksum) d.Anomalies |= C37118Anomalies.ChecksumMismatch;
        }
        else
        {
            d.Anomalies |= C37118Anomalies.FrameTooShort;
        }

        switch (d.FrameType)
        {
            case C37118Constants.FrameTypeCommand:
                ParseCommand(ref d, body);
                break;
            case C37118Constants.FrameTypeConfig1 or C37118Constants.FrameTypeConfig2:
                ParseConfig(ref d, body);
                break;
            case C37118Constants.FrameTypeConfig3:
                ParseConfig3(ref d, body);
                break;
        }
        return true;
    }

    /// <summary>True when a command word is defined: 1–6 and 8, or user designated (0x0100–0x0FFF).</summary>
    internal static bool IsKnownCommand(ushort command) => command is (>= 1 and <= 6) or 8 or (>= 0x0100 and <= 0x0FFF);

    private static void ParseCommand(ref C37118Decoded d, ReadOnlySpan<byte> body)
    {
        if (body.Length < 2)
        {
            d.Anomalies |= C37118Anomalies.FrameTooShort;
            return;
        }
        d.HasCommand = true;
        d.Command = BinaryPrimitives.ReadUInt16BigEndian(body);
        if (!IsKnownCommand(d.Command)) d.Anomalies |= C37118Anomalies.UnknownCommand;
        // Only the extended frame command carries data (EXTFRAME) after CMD.
        if (d.Command != 8 && body.Length > 2) d.Anomalies |= C37118Anomalies.TrailingBytes;
    }

    private static void ParseConfig(ref C37118Decoded d, ReadOnlySpan<byte> body)
    {
        const int fixedPmu = C37118Constants.StationNameLength + 10; // STN IDCODE FORMAT PHNMR ANNMR DGNMR
        if (body.Length < 6)
        {
            d.Anomalies |= C37118Anomalies.FrameTooShort;
            return;
        }
        d.HasConfig = true;
        d.TimeBase = BinaryPrimitives.ReadUInt32BigEndian(body);
        d.NumPmu = BinaryPrimitives.ReadUInt16BigEndian(body[4..]);
        if (d.NumPmu == 0) d.Anomalies |= C37118Anomalies.NoPmu;
        int position = 6;
        for (int i = 0; i < d.NumPmu; i++)
        {
            if (body.Length - position < fixedPmu)
            {
                d.Anomalies |= C37118Anomalies.FrameTooShort;
                return;
            }
            var pmu = body[position..];
            long phasors = BinaryPrimitives.ReadUInt16BigEndian(pmu[20..]);
            long analogs = BinaryPrimitives.ReadUInt16BigEndian(pmu[22..]);
            long digitals = BinaryPrimitives.ReadUInt16BigEndian(pmu[24..]);
            long size = fixedPmu + (C37118Constants.ChannelNameLength * (phasors + analogs + (16 * digitals)))
                + (4 * (phasors + analogs + digitals)) + 4; // CHNAM, PHUNIT/ANUNIT/DIGUNIT, FNOM CFGCNT
            if (size > body.Length - position)
            {
                d.Anomalies |= C37118Anomalies.FrameTooShort;
                return;
            }
            if (i == 0)
            {
                d.StationOffset = C37118Constants.HeaderLength + position;
                d.StationLength = C37118Constants.StationNameLength;
                d.PmuIdCode = BinaryPrimitives.ReadUInt16BigEndian(pmu[16..]);
                d.ConfigChangeCount = BinaryPrimitives.ReadUInt16BigEndian(pmu[((int)size - 2)..]);
            }
            d.PmusParsed++;
            position += (int)size;
        }

        if (body.Length - position < 2)
        {
            d.Anomalies |= C37118Anomalies.FrameTooShort;
            return;
        }
        d.HasDataRate = true;
        d.DataRate = BinaryPrimitives.ReadInt16BigEndian(body[position..]);
        if (body.Length - position > 2) d.Anomalies |= C37118Anomalies.TrailingBytes;
    }

    private static void ParseConfig3(ref C37118Decoded d, ReadOnlySpan<byte> body)
    {
        if (body.Length < 9)
        {
            d.Anomalies |= C37118Anomalies.FrameTooShort;
            return;
        }
        d.HasConfig = true;
        d.TimeBase = BinaryPrimitives.ReadUInt32BigEndian(body[2..]);
        d.NumPmu = BinaryPrimitives.ReadUInt16BigEndian(body[6..]);
        if (d.NumPmu == 0)
        {
            d.Anomalies |= C37118Anomalies.NoPmu;
            return;
        }
        int nameLength = body[8];
        if (9 + nameLength + 2 > body.Length)
        {
            d.Anomalies |= C37118Anomalies.FrameTooShort;
            return;
        }
        d.StationOffset = C37118Constants.HeaderLength + 9;
        d.StationLength = nameLength;
        d.PmuIdCode = BinaryPrimitives.ReadUInt16BigEndian(body[(9 + nameLength)..]);
        d.PmusParsed = 1;
    }
}
