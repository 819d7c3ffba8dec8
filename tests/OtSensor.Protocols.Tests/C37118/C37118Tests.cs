using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.C37118;
using OtSensor.Protocols.Tests.HartIp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.C37118;

public sealed class C37118Tests
{
    private static RecordedMessage Parse(byte[] frame)
    {
        var sink = new RecordingSink();
        new C37118Session().OnDatagram(frame, Direction.ToClient, sink);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void TryParse_Commands_NamedWithStartStopOperations()
    {
        var cfg = Parse(C37118Vectors.SendCfg2Command);
        Assert.Equal((4, "Command Frame", false), (cfg.Function, cfg.FunctionName, cfg.IsResponse));
        Assert.Equal(5, cfg.Details.GetProperty("command").GetInt32());
        Assert.Equal("Send CFG-2 frame", cfg.Details.GetProperty("commandName").GetString());
        Assert.Equal(OtOperation.Identification, cfg.Operation);
        Assert.Equal(OtOperation.Start, Parse(C37118Vectors.TurnOnCommand).Operation);
        Assert.Equal(OtOperation.Stop, Parse(C37118Vectors.TurnOffCommand).Operation);
        Assert.Empty(cfg.AnomalyNames);
    }

    [Fact]
    public void TryParse_Config2_StationPmuAndRate()
    {
        var m = Parse(C37118Vectors.Config2);
        Assert.Equal((3, "Configuration Frame 2", true), (m.Function, m.FunctionName, m.IsResponse));
        Assert.Empty(m.AnomalyNames);
        var d = m.Details;
        Assert.Equal("Blue PMU", d.GetProperty("station").GetString());
        Assert.Equal((241, 241, 1), (d.GetProperty("idcode").GetInt32(), d.GetProperty("pmuIdcode").GetInt32(), d.GetProperty("numPmu").GetInt32()));
        Assert.Equal((89, 50, 16777215), (d.GetProperty("configChangeCount").GetInt32(), d.GetProperty("dataRate").GetInt32(), d.GetProperty("timeBase").GetInt32()));
        Assert.Equal(0x4893344A, d.GetProperty("soc").GetInt64());
    }

    [Fact]
    public void ReportIdentity_SinglePmuConfig_StationIsName()
    {
        Assert.True(C37118Parser.TryParse(C37118Vectors.Config2, out var message));
        Assert.True(message.HasIdentity);
        var recorder = new IdentityRecorder();
        message.ReportIdentity(recorder);
        Assert.Equal("Blue PMU", recorder.Values[IdentityField.Name]);
    }

    [Fact]
    public void TryParse_DataAndHeaderFrames_HeaderFieldsOnly()
    {
        var data = Parse(C37118Vectors.DataFrame);
        Assert.Equal((0, OtOperation.Read), (data.Function, data.Operation));
        Assert.Equal(0x1EB852, data.Details.GetProperty("fracsec").GetInt32());
        Assert.Empty(data.AnomalyNames);
        var header = Parse(C37118Vectors.EmptyHeaderFrame);
        Assert.Equal((1, "Header Frame"), (header.Function, header.FunctionName));
        Assert.Empty(header.AnomalyNames);
    }

    [Fact]
    public void TryParse_BadChecksum_FlagsChecksumMismatch()
        => Assert.Equal(["checksum_mismatch"], Parse(C37118Vectors.DataFrameBadChecksum).AnomalyNames);

    [Fact]
    public void TryParse_PhasorCountLie_FrameTooShortNoIdentity()
    {
        var m = Parse(C37118Vectors.Config2PhasorCountLie);
        Assert.Contains("frame_too_short", m.AnomalyNames);
        Assert.Contains("checksum_mismatch", m.AnomalyNames);
        Assert.True(C37118Parser.TryParse(C37118Vectors.Config2PhasorCountLie, out var message));
        Assert.False(message.HasIdentity);
    }

    [Fact]
    public void OnDatagram_FrameSizeDisagreesWithDatagram_Flagged()
    {
        var bytes = C37118Vectors.SendCfg2Command;
        bytes[3] = 0x13; // FRAMESIZE 19, the datagram holds 18
        var m = Parse(bytes);
        Assert.Contains("frame_size_mismatch", m.AnomalyNames);

        bytes[3] = 0x11; // FRAMESIZE 17: a 17-byte frame (bad CHK, 1-byte CMD), then one byte that starts no frame
        var sink = new RecordingSink();
        new C37118Session().OnDatagram(bytes, Direction.ToClient, sink);
        Assert.Equal(["checksum_mismatch", "frame_too_short"], Assert.Single(sink.Messages).AnomalyNames); // CMD cut to 1 byte
        Assert.Equal(["not_c37118"], sink.StreamAnomalies);
    }

    [Fact]
    public void TryParse_UnknownCommandAndVersion_Flagged()
    {
        var bytes = C37118Vectors.SendCfg2Command;
        bytes[15] = 0x07; // CMD 7 reserved
        Assert.Contains("unknown_command", Parse(bytes).AnomalyNames);
        Assert.True(C37118Parser.TryParse([0xAA, 0x47, 0x00, 0x12, 0x00, 0xF1, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x05, 0x00, 0x00], out var v7));
        Assert.NotEqual(0UL, v7.Anomalies & (ulong)C37118Anomalies.UnknownVersion);
    }

    [Fact]
    public void Recognize_RequiresSyncTypeAndChecksum()
    {
        Assert.Equal(ProbeResult.Recognized, C37118Probe.Recognize(C37118Vectors.Config2, Direction.ToClient));
        Assert.Equal(ProbeResult.Incomplete, C37118Probe.Recognize(C37118Vectors.Config2.AsSpan(0, 40), Direction.ToClient));
        Assert.Equal(ProbeResult.Unrecognized, C37118Probe.Recognize(C37118Vectors.DataFrameBadChecksum, Direction.ToClient));
        Assert.Equal(ProbeResult.Unrecognized, C37118Probe.Recognize("GET / HTTP/1.1\r\n"u8, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, C37118Probe.RecognizeDatagram(C37118Vectors.SendCfg2Command, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, C37118Probe.RecognizeDatagram([.. C37118Vectors.SendCfg2Command, 0], Direction.ToServer));
    }

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var variant in SplitVariants.Of(Stream)) data.Add(variant.Name);
        return data;
    }

    private static byte[] Stream => [.. C37118Vectors.Config2, .. C37118Vectors.DataFrame, .. C37118Vectors.EmptyHeaderFrame, .. C37118Vectors.DataFrame];

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void OnData_EverySplitVariant_SameFramesAsWhole(string name)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new C37118Session(), sink);
        feeder.Feed(Direction.ToServer, [C37118Vectors.TurnOnCommand]);
        feeder.Feed(Direction.ToClient, SplitVariants.Of(Stream).Single(v => v.Name == name).Segments);
        Assert.Equal([4, 3, 0, 1, 0], sink.Messages.Select(m => m.Function));
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_GarbageBetweenFrames_OneResyncThenNextValidFrame()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new C37118Session(), sink);
        // 0xAA 0x01 0x00 0x20 looks like a header; only a whole frame with a right CHK ends the resync.
        feeder.Feed(Direction.ToClient, [.. C37118Vectors.DataFrame, 0x13, 0xAA, 0x01, 0x00, 0x20, 0x55, .. C37118Vectors.DataFrame]);
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(["resync"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnGap_MidFrame_ResyncsSilently()
    {
        var sink = new RecordingSink();
        var session = new C37118Session();
        session.OnGap(Direction.ToClient, sink);
        new StreamFeeder(session, sink).Feed(Direction.ToClient, [.. C37118Vectors.DataFrame.AsSpan(20), .. C37118Vectors.DataFrame]);
        Assert.Single(sink.Messages);
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_LongForeignStream_GivesUp()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new C37118Session(), sink);
        feeder.Feed(Direction.ToClient, new byte[70_000]);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["resync", "not_c37118"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnDatagram_TwoFramesInOne_BothDecoded()
    {
        var sink = new RecordingSink();
        new C37118Session().OnDatagram([.. C37118Vectors.DataFrame, .. C37118Vectors.DataFrame], Direction.ToClient, sink);
        Assert.Equal(2, sink.Messages.Count);
    }

    [Fact]
    public void OnDataAndDatagram_RandomBytes_NeverThrow()
    {
        var random = new Random(4712);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 4)
            {
                bytes[0] = 0xAA;
                bytes[1] = (byte)(((i % 6) << 4) | 1);
                bytes[2] = (byte)(bytes.Length >> 8);
                bytes[3] = (byte)(bytes.Length - (i % 5));
            }
            var session = new C37118Session();
            var result = session.OnData(bytes, Direction.ToClient, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
            session.OnDatagram(bytes, Direction.ToClient, sink);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new C37118Session();
        byte[] stream = Stream, command = C37118Vectors.SendCfg2Command;
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2100 * 5, sink.Count);

        void Pump()
        {
            session.OnData(command, Direction.ToServer, sink);
            session.OnData(stream, Direction.ToClient, sink);
        }
    }
}
