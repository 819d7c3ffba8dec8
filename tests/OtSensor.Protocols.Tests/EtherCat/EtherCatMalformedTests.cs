using OtSensor.Core.Net;
using OtSensor.Protocols.EtherCat;

namespace OtSensor.Protocols.Tests.EtherCat;

/// <summary>Lying lengths, truncations and undefined codes end in anomalies on the record, never in exceptions.</summary>
public sealed class EtherCatMalformedTests
{
    [Fact]
    public void TryRead_DatagramLengthBeyondFrame_FlagsAndHasNoWorkingCounter()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.DatagramBeyondFrame);

        Assert.Equal(4, m.Function);
        Assert.Equal(["datagram_exceeds_frame"], m.AnomalyNames);
        Assert.Equal(200, m.Details.GetProperty("length").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, m.Details.GetProperty("wkc").ValueKind);
    }

    [Fact]
    public void TryRead_MoreBitWithNothingAfter_FlagsTheDatagramOnce()
    {
        var sink = EtherCatTestDecode.Frame(EtherCatVectors.MoreBitWithNothingAfter);

        var m = Assert.Single(sink.Messages);
        Assert.Equal(["more_without_datagram"], m.AnomalyNames);
        Assert.True(m.Details.GetProperty("more").GetBoolean());
        Assert.Equal(1, m.Details.GetProperty("wkc").GetInt32());
    }

    [Fact]
    public void TryRead_HeaderLengthBeyondPayload_FlagsAndStillDecodes()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.HeaderLengthLying);

        Assert.Equal(7, m.Function);
        Assert.Equal(["frame_length_exceeds_payload"], m.AnomalyNames);
        Assert.Equal(1, m.Details.GetProperty("wkc").GetInt32());
    }

    [Fact]
    public void TryRead_HeaderLengthShorterThanDatagram_BoundsTheDatagram()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.HeaderLengthShort);

        Assert.Equal(["datagram_exceeds_frame"], m.AnomalyNames);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, m.Details.GetProperty("wkc").ValueKind);
    }

    [Fact]
    public void TryRead_ChainEndingBeforeHeaderLength_FlagsMismatch()
    {
        byte[] frame = [.. EtherCatVectors.BrdAlStatus, 0, 0, 0, 0];
        frame[0] = 0x12; // Length 18: four bytes more than the one datagram

        var m = EtherCatTestDecode.Single(frame);

        Assert.Equal(["frame_length_mismatch"], m.AnomalyNames);
    }

    [Fact]
    public void TryRead_OneSpareByteAfterOddDatagram_IsTolerated()
    {
        // TwinCAT: a 1-byte BWR (13 bytes) in a frame whose Length says 14.
        byte[] frame =
        [
            0x0E, 0x10,             // frame header: Length 14, Type 1
            0x08, 0x41, 0x00, 0x00, // BWR, Idx, ADP
            0x01, 0x01,             // ADO 0x0101
            0x01, 0x00,             // Len 1
            0x04, 0x00,             // IRQ
            0x00,                   // Data
            0x0A, 0x00,             // WKC 10
            0x00,                   // the spare byte
        ];

        Assert.Equal(0UL, EtherCatTestDecode.Single(frame).Anomalies);
    }

    [Fact]
    public void TryRead_UnknownCommandWithReservedLengthBits_FlagsBoth()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.UnknownCommand);

        Assert.Equal(0x20, m.Function);
        Assert.Null(m.FunctionName);
        Assert.Equal(["reserved_length_bits", "unknown_command"], m.AnomalyNames);
    }

    [Fact]
    public void TryRead_ReservedFrameType_OneFrameRecordFlagged()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.ReservedFrameType);

        Assert.Equal(-1, m.Function);
        Assert.Equal(["unknown_frame_type"], m.AnomalyNames);
        Assert.Equal(7, m.Details.GetProperty("frameType").GetInt32());
    }

    [Fact]
    public void TryRead_ReservedFrameHeaderBit_FlaggedOnFirstDatagramOnly()
    {
        byte[] frame = [.. EtherCatVectors.Chained];
        frame[1] |= 0x08; // bit 11 of the little-endian header

        var sink = EtherCatTestDecode.Frame(frame);

        Assert.Equal(3, sink.Messages.Count);
        Assert.Equal(["reserved_frame_bit"], sink.Messages[0].AnomalyNames);
        Assert.Empty(sink.Messages[1].AnomalyNames);
        Assert.Empty(sink.Messages[2].AnomalyNames);
    }

    [Fact]
    public void TryRead_TooShortForADatagramHeader_OneFrameRecordFlagged()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.TruncatedDatagramHeader);

        Assert.Equal(-1, m.Function);
        Assert.Equal(["truncated_datagram_header"], m.AnomalyNames);
    }

    [Fact]
    public void OnFrame_ShorterThanFrameHeader_StreamAnomalyNoMessage()
    {
        var sink = EtherCatTestDecode.Frame([0x0E]);

        Assert.Empty(sink.Messages);
        Assert.Equal([EtherCatFields.StreamTruncatedFrameHeader], sink.StreamAnomalies);
    }

    [Fact]
    public void TryRead_DefaultReader_ReadsNothing()
    {
        var reader = default(EtherCatDatagramReader);

        Assert.True(reader.HeaderTruncated);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void TryRead_CoeMailboxTooShortForSdo_FlagsMailboxTruncated()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.CoeSdoTruncated);

        Assert.Equal(["mailbox_truncated"], m.AnomalyNames);
        Assert.Equal("CoE", m.Details.GetProperty("mailbox").GetString());
        Assert.False(m.Details.TryGetProperty("sdoIndex", out _));
    }

    [Fact]
    public void TryRead_MailboxLengthBeyondDatagram_IsNoMailbox()
    {
        byte[] frame = [.. EtherCatVectors.CoeSdoUploadRequest];
        frame[12] = 0x40; // mailbox Length 64 in a 16-byte datagram: process data, not a mailbox

        var m = EtherCatTestDecode.Single(frame);

        Assert.False(m.Details.TryGetProperty("mailbox", out _));
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void OnFrame_SeededRandomBytes_NeverThrows()
    {
        var random = new Random(0x88A4);
        var sink = new NoOpSink();
        var session = new EtherCatFrameSession();
        var buffer = new byte[300];
        for (int i = 0; i < 20_000; i++)
        {
            var frame = buffer.AsSpan(0, random.Next(buffer.Length + 1));
            random.NextBytes(frame);
            // Half the time a plausible header, so the walk goes past the first check.
            if (frame.Length >= 2 && (i & 1) == 0)
            {
                frame[1] = (byte)(0x10 | (frame[1] & 0x07));
                if (frame.Length > 2) frame[2] = (byte)(frame[2] % 16);
            }
            session.OnFrame(frame, new MacAddress((ulong)i), MacAddress.Broadcast, sink);
        }
        Assert.True(sink.Count > 10_000);
    }

    [Fact]
    public void TryRead_EveryTruncationOfValidFrames_NeverReadsPastTheSlice()
    {
        byte[][] frames = [EtherCatVectors.Chained.ToArray(), EtherCatVectors.FoeWriteRequest.ToArray(), EtherCatVectors.CoeSdoUploadResponse.ToArray()];
        foreach (var frame in frames)
        {
            for (int n = 0; n <= frame.Length; n++)
            {
                var copy = frame.AsSpan(0, n).ToArray(); // exact-size array: a read past it would throw
                var reader = new EtherCatDatagramReader(copy, fromMaster: false);
                int count = 0;
                while (reader.TryRead(out var message))
                {
                    Assert.True(message.Data.Length <= copy.Length);
                    count++;
                }
                Assert.True(count <= 3);
            }
        }
    }
}
