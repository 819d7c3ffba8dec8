using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Protocols.Tests.S7CommPlus;

public class S7CommPlusParserTests
{
    [Fact]
    public void Parse_V2Request_FunctionSequenceSession()
    {
        var m = S7CommPlusParser.Parse(S7CommPlusVectors.GetMultiVariablesRequest);
        Assert.Equal(0x054C, m.Function);
        Assert.Equal("GetMultiVariables", m.FunctionName);
        Assert.Equal(0x31, m.Opcode);
        Assert.Equal(2, m.Version);
        Assert.Equal(3, m.Sequence);
        Assert.Equal(0x3C0, m.SessionId);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.False(m.IsResponse);
        Assert.False(m.IntegrityProtected);
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_V2Response_WriteOperation()
    {
        var m = S7CommPlusParser.Parse(S7CommPlusVectors.SetMultiVariablesResponse);
        Assert.Equal(0x0542, m.Function);
        Assert.True(m.IsResponse);
        Assert.Equal(OtOperation.Write, m.Operation);
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_V3WithDigest_MarkedIntegrityProtected()
    {
        var m = S7CommPlusParser.Parse(S7CommPlusVectors.SetVariableV3Request);
        Assert.True(m.IntegrityProtected);
        Assert.Equal(0x04F2, m.Function);
        Assert.Equal(0x70000E4D, m.SessionId);
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_Notification_NoFunction()
    {
        var m = S7CommPlusParser.Parse(S7CommPlusVectors.NotificationV3);
        Assert.Equal(0x33, m.Opcode);
        Assert.Equal(-1, m.Function);
        Assert.True(m.IntegrityProtected);
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Decode_Fragments_SecondIsContinuationWithoutOpcode()
    {
        var sink = new RecordingSink();
        var session = new CotpSession([new S7CommPlusPayloadDecoder()]);
        session.OnData([.. Cotp.CotpVectors.Data(S7CommPlusVectors.FragmentFirst, true), .. Cotp.CotpVectors.Data(S7CommPlusVectors.FragmentLast, true)], Direction.ToServer, sink);
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(0x04CA, sink.Messages[0].Function);
        Assert.True(sink.Messages[0].Details.GetProperty("moreFragments").GetBoolean());
        Assert.Equal(-1, sink.Messages[1].Function);
        Assert.True(sink.Messages[1].Details.GetProperty("continuation").GetBoolean());
        Assert.Equal(0UL, sink.Messages[1].Anomalies);
    }

    [Fact]
    public void Parse_Malformed_FlaggedNeverThrows()
    {
        Assert.True(S7CommPlusParser.Parse([0x72, 0x02]).AnomalyFlags.HasFlag(S7CommPlusAnomalies.TruncatedHeader));
        Assert.True(S7CommPlusParser.Parse([0x72, 0x02, 0x01, 0x00, 0x31]).AnomalyFlags.HasFlag(S7CommPlusAnomalies.LengthOverrun));
        Assert.True(S7CommPlusParser.Parse([0x72, 0x09, 0x00, 0x01, 0x31, 0x72, 0x09, 0, 0]).AnomalyFlags.HasFlag(S7CommPlusAnomalies.UnknownVersion));
        Assert.True(S7CommPlusParser.Parse([0x72, 0x02, 0x00, 0x01, 0x77, 0x72, 0x02, 0, 0]).AnomalyFlags.HasFlag(S7CommPlusAnomalies.UnknownOpcode));
        Assert.True(S7CommPlusParser.Parse([0x72, 0x02, 0x00, 0x03, 0x31, 0x00, 0x00, 0x72, 0x02, 0, 0]).AnomalyFlags.HasFlag(S7CommPlusAnomalies.TruncatedBody));
        Assert.True(S7CommPlusParser.Parse([0x72, 0x02, 0x00, 0x01, 0x33, 0x11, 0x22]).AnomalyFlags.HasFlag(S7CommPlusAnomalies.InvalidTrailer));
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(1500);
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            if (bytes.Length > 0) bytes[0] = 0x72;
            var m = S7CommPlusParser.Parse(bytes, (i & 4) != 0);
            using var writer = new System.Text.Json.Utf8JsonWriter(Stream.Null);
            writer.WriteStartObject();
            m.WriteDetails(writer);
            writer.WriteEndObject();
        }
    }
}
