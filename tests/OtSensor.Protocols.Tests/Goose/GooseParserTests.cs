using System.Text;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Goose;

namespace OtSensor.Protocols.Tests.Goose;

public class GooseParserTests
{
    [Fact]
    public void TryParse_GeF650_EveryField()
    {
        Assert.True(GooseParser.TryParse(GooseVectors.GeF650, out var m));
        Assert.Equal(GooseAnomalies.None, m.AnomalyFlags);
        Assert.Equal(ProtocolId.Goose, m.Protocol);
        Assert.Equal(-1, m.Function);
        Assert.Null(m.FunctionName);
        Assert.Equal(OtOperation.None, m.Operation);
        Assert.False(m.IsResponse);
        Assert.Equal(1, m.AppId);
        Assert.Equal(145, m.LengthField);
        Assert.False(m.Simulation);
        Assert.Equal("GEDeviceF650/LLN0$GO$gcb01", Encoding.ASCII.GetString(m.GocbRef));
        Assert.Equal("GEDeviceF650/LLN0$GOOSE1", Encoding.ASCII.GetString(m.DatSet));
        Assert.Equal("F650_GOOSE1", Encoding.ASCII.GetString(m.GoId));
        Assert.Equal("GEDeviceF650", Encoding.ASCII.GetString(m.LogicalDeviceName));
        Assert.Equal(40000u, m.TimeAllowedToLive);
        Assert.Equal(946781171u, m.TimeSeconds);
        Assert.Equal(0x421728u, m.TimeFraction);
        Assert.Equal(0x0A, m.TimeQuality);
        Assert.Equal(1u, m.StNum);
        Assert.Equal(10u, m.SqNum);
        Assert.False(m.Test);
        Assert.Equal(1u, m.ConfRev);
        Assert.False(m.NdsCom);
        Assert.Equal(8u, m.NumDatSetEntries);
        Assert.Equal(8, m.Entries);
        Assert.Equal(32, m.AllData.Length);
        Assert.True(m.Security.IsEmpty);
        Assert.False(m.StateChange);
    }

    [Fact]
    public void WriteDetails_GeF650_ContractKeysAndRfc3339Time()
    {
        var r = GooseTestParse.One(GooseVectors.GeF650);
        Assert.Equal(-1, r.Function);
        Assert.Empty(r.AnomalyNames);
        var d = r.Details;
        Assert.Equal("GEDeviceF650/LLN0$GO$gcb01", d.GetProperty("gocbRef").GetString());
        Assert.Equal(1, d.GetProperty("stNum").GetInt32());
        Assert.Equal(10, d.GetProperty("sqNum").GetInt32());
        Assert.Equal(1, d.GetProperty("appId").GetInt32());
        Assert.Equal("GEDeviceF650/LLN0$GOOSE1", d.GetProperty("datSet").GetString());
        Assert.Equal("F650_GOOSE1", d.GetProperty("goID").GetString());
        Assert.Equal(40000, d.GetProperty("timeAllowedToLive").GetInt32());
        Assert.Equal(1, d.GetProperty("confRev").GetInt32());
        Assert.False(d.GetProperty("test").GetBoolean());
        Assert.False(d.GetProperty("simulation").GetBoolean());
        Assert.False(d.GetProperty("ndsCom").GetBoolean());
        Assert.Equal(8, d.GetProperty("numDatSetEntries").GetInt32());
        Assert.Equal(8, d.GetProperty("entries").GetInt32());
        Assert.Equal("2000-01-02T02:46:11.258165Z", d.GetProperty("t").GetString());
        Assert.False(d.GetProperty("stateChange").GetBoolean());
    }

    [Fact]
    public void TryParse_Ed2Simulated_SimulationBitTestFlagAndFiveOctetInteger()
    {
        Assert.True(GooseParser.TryParse(GooseVectors.Ed2Simulated, out var m));
        Assert.Equal(GooseAnomalies.None, m.AnomalyFlags);
        Assert.Equal(0x3001, m.AppId);
        Assert.True(m.Simulation);
        Assert.True(m.Test);
        Assert.True(m.NdsCom);
        Assert.Equal(7u, m.StNum);
        Assert.Equal(0u, m.SqNum);
        Assert.Equal(2u, m.ConfRev);
        Assert.Equal(1, m.Entries);
        Assert.True(m.GoId.IsEmpty);
        Assert.False(m.Present.HasFlag(GooseFieldPresence.GoId));
        var d = GooseTestParse.One(GooseVectors.Ed2Simulated).Details;
        Assert.Equal("2011-05-26T00:55:54.859000Z", d.GetProperty("t").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, d.GetProperty("goID").ValueKind);
        Assert.True(d.GetProperty("simulation").GetBoolean());
        Assert.True(d.GetProperty("test").GetBoolean());
    }

    [Fact]
    public void TryParse_EthernetPadding_HonoursHeaderLength()
    {
        Assert.True(GooseParser.TryParse(GooseVectors.GeF650Padded, out var m));
        Assert.Equal(GooseAnomalies.None, m.AnomalyFlags);
        Assert.Equal(8, m.Entries);
    }

    public static TheoryData<string, GooseAnomalies> MalformedTwins() => new()
    {
        { nameof(GooseVectors.GeF650BadLength), GooseAnomalies.InvalidLength },
        { nameof(GooseVectors.GeF650LengthExceedsFrame), GooseAnomalies.LengthExceedsFrame },
        { nameof(GooseVectors.GeF650TruncatedByLength), GooseAnomalies.TruncatedPdu | GooseAnomalies.MalformedBer | GooseAnomalies.MissingField },
        { nameof(GooseVectors.GeF650LyingPduLength), GooseAnomalies.TruncatedPdu },
        { nameof(GooseVectors.GeF650WrongTag), GooseAnomalies.UnknownPduTag },
        { nameof(GooseVectors.GeF650LyingGocbRefLength), GooseAnomalies.MalformedBer | GooseAnomalies.MissingField },
        { nameof(GooseVectors.GeF650IndefiniteLength), GooseAnomalies.MalformedBer | GooseAnomalies.IndefiniteLength | GooseAnomalies.MissingField },
        { nameof(GooseVectors.GeF650SvAppId), GooseAnomalies.AppIdOutOfRange },
        { nameof(GooseVectors.Ed2ShortUtcTime), GooseAnomalies.InvalidUtcTime | GooseAnomalies.MissingField },
        { nameof(GooseVectors.Ed2NegativeDuplicateUnknown), GooseAnomalies.InvalidInteger | GooseAnomalies.DuplicateField | GooseAnomalies.UnknownField | GooseAnomalies.MissingField },
        { nameof(GooseVectors.Ed2EntryMismatchBadString), GooseAnomalies.InvalidString | GooseAnomalies.EntryCountMismatch | GooseAnomalies.MissingField },
        { nameof(GooseVectors.Ed2PrimitiveAllDataTrailing), GooseAnomalies.InvalidAllData | GooseAnomalies.TrailingBytes | GooseAnomalies.MissingField },
    };

    [Theory]
    [MemberData(nameof(MalformedTwins))]
    public void TryParse_MalformedTwin_ExactAnomalies(string vector, GooseAnomalies expected)
    {
        var bytes = (byte[])typeof(GooseVectors).GetProperty(vector)!.GetValue(null)!;
        Assert.True(GooseParser.TryParse(bytes, out var m));
        Assert.Equal(expected, m.AnomalyFlags);
        var recorded = GooseTestParse.One(bytes);
        Assert.Equal((ulong)expected, recorded.Anomalies);
        Assert.DoesNotContain("unknown", recorded.AnomalyNames);
    }

    [Fact]
    public void TryParse_BadHeaderLength_StillDecodesTheFields()
    {
        Assert.True(GooseParser.TryParse(GooseVectors.GeF650BadLength, out var bad));
        Assert.Equal(10u, bad.SqNum);
        Assert.Equal(8, bad.Entries);
        Assert.True(GooseParser.TryParse(GooseVectors.GeF650TruncatedByLength, out var cut));
        Assert.Equal(1u, cut.StNum);
        Assert.Equal(8u, cut.NumDatSetEntries);
        Assert.False(cut.Present.HasFlag(GooseFieldPresence.AllData));
    }

    [Fact]
    public void TryParse_NegativeAndDuplicate_KeepsRawValueAndFirstOccurrence()
    {
        Assert.True(GooseParser.TryParse(GooseVectors.Ed2NegativeDuplicateUnknown, out var m));
        Assert.Equal(0xFFu, m.StNum);
        Assert.Equal(1u, m.SqNum);
    }

    [Fact]
    public void WriteDetails_NonUtf8String_WrittenAsLatin1()
    {
        byte[] frame =
        [
            0x00, 0x01, 0x00, 0x0F, 0x00, 0x00, 0x00, 0x00, // APPID 1, Length 15, Reserved 1, Reserved 2
            0x61, 0x05,                                     // goosePdu, 5 octets
            0x80, 0x03, 0x41, 0xE9, 0x42,                   // gocbRef [0] "A\xE9B": not valid UTF-8
        ];
        var r = GooseTestParse.One(frame);
        Assert.Equal("A\u00E9B", r.Details.GetProperty("gocbRef").GetString());
        Assert.Contains("invalid_string", r.AnomalyNames);
    }

    [Fact]
    public void TryParse_UnsupportedTlvBeforeAllData_FieldOutOfOrderOnly()
    {
        // icsnpp GOOSE_unsupported_tlv.pcap: security [12] (8C 01 00) placed before allData [11].
        var frame = GooseVectors.GeF650.ToList();
        frame.InsertRange(8 + 3 + 134 - 34, [0x8C, 0x01, 0x00]);
        frame[3] += 3;
        frame[10] += 3;
        Assert.True(GooseParser.TryParse(frame.ToArray(), out var m));
        Assert.Equal(GooseAnomalies.FieldOutOfOrder, m.AnomalyFlags);
        Assert.Equal(1, m.Security.Length);
        Assert.Equal(8, m.Entries);
    }

    [Fact]
    public void TryParse_ShorterThanHeader_False()
    {
        Assert.False(GooseParser.TryParse([0x00, 0x01, 0x00, 0x08, 0x00, 0x00, 0x00], out _));
        var sink = new RecordingSink();
        new GooseSession().OnFrame([0x00, 0x01], GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal([GooseNames.TruncatedHeader], sink.StreamAnomalies);
    }

    [Fact]
    public void TryParse_HelloWorld_UnknownPduTagNoException()
    {
        Assert.True(GooseParser.TryParse("hello world, this is not GOOSE\r\n"u8, out var m));
        Assert.True(m.AnomalyFlags.HasFlag(GooseAnomalies.UnknownPduTag));
    }

    [Fact]
    public void TryParse_EveryPrefix_NoExceptionAndNeverClaimsMoreThanPresent()
    {
        byte[] frame = GooseVectors.GeF650;
        for (int n = 0; n <= frame.Length; n++)
        {
            var prefix = frame.AsSpan(0, n);
            bool ok = GooseParser.TryParse(prefix, out var m);
            Assert.Equal(n >= GooseConstants.HeaderLength, ok);
            if (ok && n < frame.Length) Assert.NotEqual(GooseAnomalies.None, m.AnomalyFlags);
            if (ok) _ = GooseTestParse.One(prefix.ToArray()).DetailsJson;
        }
    }

    [Fact]
    public void OnFrame_SeededRandomInput_NeverThrows()
    {
        var random = new Random(61850);
        var session = new GooseSession(16);
        var sink = new NoOpSink();
        var recording = new RecordingSink();
        byte[] valid = GooseVectors.GeF650;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
                if (bytes.Length > 8) bytes[8] = GooseConstants.GoosePduTag;
            }
            else
            {
                // Mutate a valid frame: a few random octets changed, sometimes cut short.
                bytes = (byte[])valid.Clone();
                for (int k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                if (random.Next(4) == 0) bytes = bytes[..random.Next(bytes.Length)];
            }
            session.OnFrame(bytes, GooseTestParse.Publisher, GooseTestParse.Multicast, i % 100 == 0 ? recording : sink);
        }
        Assert.True(sink.Count + recording.Messages.Count > 19_000);
        Assert.True(session.PublisherCount <= 16);
    }
}
