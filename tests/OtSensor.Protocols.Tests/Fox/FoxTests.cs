using System.Text;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Fox;
using OtSensor.Protocols.Tests.HartIp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Fox;

/// <summary>
/// Niagara Fox hello exchange in the layout public tools use (the Nmap fox-info probe and a station's answer); no
/// public capture holds Fox.
/// </summary>
public sealed class FoxTests
{
    /// <summary>Client hello: header line, then the field block ending "};;".</summary>
    private static byte[] ClientHello => Encoding.ASCII.GetBytes(
        "fox a 1 -1 fox hello\n" +   // header: fox a, request 1, -1, channel fox, command hello
        "{\n" +
        "fox.version=s:1.0\n" +      // key=type:value
        "id=i:1\n" +
        "};;\n");                    // end of message

    private static byte[] StationHello => Encoding.ASCII.GetBytes(
        "fox a 0 -1 fox hello\n" +
        "{\n" +
        "fox.version=s:1.0\n" +
        "id=i:171\n" +
        "hostName=s:192.168.1.20\n" +
        "hostAddress=s:192.168.1.20\n" +
        "app.name=s:Station\n" +
        "app.version=s:3.8.311\n" +
        "vm.name=s:Java HotSpot(TM) Embedded Client VM\n" +
        "os.name=s:QNX\n" +
        "station.name=s:AHU_Plant_1\n" +
        "brandId=s:vykon\n" +
        "};;\n");

    private static RecordingSink Run(byte[] toServer, byte[] toClient)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new FoxSession(), sink);
        feeder.Feed(Direction.ToServer, toServer);
        feeder.Feed(Direction.ToClient, toClient);
        return sink;
    }

    [Fact]
    public void OnData_HelloExchange_LabelledWithStationFields()
    {
        var sink = Run(ClientHello, StationHello);
        Assert.Equal(2, sink.Messages.Count);
        Assert.All(sink.Messages, m => Assert.Equal((-1, "hello", OtOperation.Identification), (m.Function, m.FunctionName, m.Operation)));
        Assert.False(sink.Messages[0].IsResponse);
        var station = sink.Messages[1].Details;
        Assert.Equal(("AHU_Plant_1", "Station", "3.8.311", "QNX"), (station.GetProperty("stationName").GetString(), station.GetProperty("appName").GetString(),
            station.GetProperty("appVersion").GetString(), station.GetProperty("osName").GetString()));
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void ReportIdentity_StationHello_NameModelFirmwareBrand()
    {
        var message = FoxParser.Parse(StationHello);
        var recorder = new IdentityRecorder();
        message.ReportIdentity(recorder);
        Assert.Equal("AHU_Plant_1", recorder.Values[IdentityField.Name]);
        Assert.Equal("Station", recorder.Values[IdentityField.Model]);
        Assert.Equal("3.8.311", recorder.Values[IdentityField.Firmware]);
        Assert.Equal("vykon", recorder.Values[IdentityField.Vendor]);
    }

    [Fact]
    public void Parse_MalformedField_Flagged()
    {
        var bytes = Encoding.ASCII.GetBytes("fox a 1 -1 fox hello\n{\nfox.version\n};;\n"); // no '=' or type
        Assert.Equal((ulong)FoxAnomalies.MalformedField, FoxParser.Parse(bytes).Anomalies);
    }

    [Fact]
    public void ProbeHeader_StrictOnHeaderLine()
    {
        Assert.Equal(ProbeResult.Recognized, FoxParser.ProbeHeader(ClientHello));
        Assert.Equal(ProbeResult.Incomplete, FoxParser.ProbeHeader("fox a 1 -"u8));
        Assert.Equal(ProbeResult.Unrecognized, FoxParser.ProbeHeader("fox a one -1 fox hello\n"u8));
        Assert.Equal(ProbeResult.Unrecognized, FoxParser.ProbeHeader("fox a 1 -1 fox\n"u8));
        Assert.Equal(ProbeResult.Unrecognized, FoxParser.ProbeHeader("GET / HTTP/1.1\r\n"u8));
        Assert.Equal(ProbeResult.Unrecognized, FoxParser.ProbeHeader(new byte[200]));
    }

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var variant in SplitVariants.Of(StationHello)) data.Add(variant.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void OnData_EverySplitVariant_SameMessage(string name)
    {
        var sink = new RecordingSink();
        new StreamFeeder(new FoxSession(), sink).Feed(Direction.ToClient, SplitVariants.Of(StationHello).Single(v => v.Name == name).Segments);
        Assert.Equal("AHU_Plant_1", Assert.Single(sink.Messages).Details.GetProperty("stationName").GetString());
    }

    [Fact]
    public void OnData_NonFoxOrEndlessMessage_StopsWithOneAnomaly()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new FoxSession(), sink);
        feeder.Feed(Direction.ToServer, [.. ClientHello, .. "\x16\x03\x01 TLS"u8]);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Single(sink.Messages);
        Assert.Equal(["not_fox"], sink.StreamAnomalies);

        var endless = new RecordingSink();
        var feeder2 = new StreamFeeder(new FoxSession(), endless);
        feeder2.Feed(Direction.ToServer, [.. "fox a 1 -1 fox hello\n{\n"u8, .. Enumerable.Repeat((byte)'x', FoxConstants.MaxMessageLength)]);
        Assert.Equal(StreamStatus.Error, feeder2.LastStatus);
        Assert.Equal(["not_fox"], endless.StreamAnomalies);
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrow()
    {
        var random = new Random(1911);
        var sink = new NoOpSink();
        for (int i = 0; i < 5_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 30)
            {
                "fox a 0 -1 fox hello\n"u8.CopyTo(bytes);
                "};;\n"u8.CopyTo(bytes.AsSpan(bytes.Length - 4));
            }
            var result = new FoxSession().OnData(bytes, Direction.ToClient, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
            var recorder = new IdentityRecorder();
            if (bytes.Length > 0) FoxParser.Parse(bytes).ReportIdentity(recorder);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new FoxSession();
        byte[] client = ClientHello, station = StationHello;
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2100 * 2, sink.Count);

        void Pump()
        {
            session.OnData(client, Direction.ToServer, sink);
            session.OnData(station, Direction.ToClient, sink);
        }
    }
}
