using System.Text;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.SampledValues;

namespace OtSensor.Protocols.Tests.SampledValues;

public class SampledValuesParserTests
{
    private static readonly MacAddress MergingUnit = new(0x000C_CD11_2233UL);
    private static readonly MacAddress Multicast = new(0x010C_CD04_0001UL);

    private static RecordedMessage Record(byte[] payload)
    {
        var sink = new RecordingSink();
        new SampledValuesSession().OnFrame(payload, MergingUnit, Multicast, sink);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void TryParse_OneAsdu_FirstAsduFields()
    {
        Assert.True(SampledValuesParser.TryParse(SampledValuesVectors.OneAsdu, out var m));
        Assert.Equal(SampledValuesAnomalies.None, m.AnomalyFlags);
        Assert.Equal(ProtocolId.SampledValues, m.Protocol);
        Assert.Equal(-1, m.Function);
        Assert.Equal(OtOperation.None, m.Operation);
        Assert.False(m.HasIdentity);
        Assert.Equal(0x4000, m.AppId);
        Assert.False(m.Simulation);
        Assert.Equal(1u, m.NoAsdu);
        Assert.Equal(1, m.Asdus);
        Assert.Equal("MU0101", Encoding.ASCII.GetString(m.SvId));
        Assert.True(m.DatSet.IsEmpty);
        Assert.Equal((ushort)4000, m.SmpCnt);
        Assert.Equal(1u, m.ConfRev);
        Assert.Equal((byte)2, m.SmpSynch);
        Assert.Null(m.SmpRate);
        Assert.Equal(16, m.Sample.Length);
    }

    [Fact]
    public void WriteDetails_OneAsdu_ContractKeys()
    {
        var r = Record(SampledValuesVectors.OneAsdu);
        Assert.Equal(ProtocolId.SampledValues, r.Protocol);
        Assert.Empty(r.AnomalyNames);
        var d = r.Details;
        Assert.Equal(0x4000, d.GetProperty("appId").GetInt32());
        Assert.Equal("MU0101", d.GetProperty("svID").GetString());
        Assert.Equal(1, d.GetProperty("noASDU").GetInt32());
        Assert.Equal(4000, d.GetProperty("smpCnt").GetInt32());
        Assert.Equal(1, d.GetProperty("confRev").GetInt32());
        Assert.Equal(2, d.GetProperty("smpSynch").GetInt32());
        Assert.False(d.TryGetProperty("datSet", out _));
    }

    [Fact]
    public void TryParse_TwoAsdus_CountsBothDecodesFirstWithOptionals()
    {
        Assert.True(SampledValuesParser.TryParse(SampledValuesVectors.TwoAsdus, out var m));
        Assert.Equal(SampledValuesAnomalies.None, m.AnomalyFlags);
        Assert.True(m.Simulation);
        Assert.Equal(2u, m.NoAsdu);
        Assert.Equal(2, m.Asdus);
        Assert.Equal("MU01", Encoding.ASCII.GetString(m.SvId));
        Assert.Equal("LD0/LLN0$PhsMeas1", Encoding.ASCII.GetString(m.DatSet));
        Assert.Equal((ushort)7, m.SmpCnt);
        Assert.Equal(3u, m.ConfRev);
        Assert.Equal((ushort)80, m.SmpRate);
        var d = Record(SampledValuesVectors.TwoAsdus).Details;
        Assert.Equal("2011-05-26T00:55:54.859000Z", d.GetProperty("refrTm").GetString());
        Assert.Equal(2, d.GetProperty("asdus").GetInt32());
        Assert.True(d.GetProperty("simulation").GetBoolean());
    }

    public static TheoryData<string, SampledValuesAnomalies> MalformedTwins() => new()
    {
        { nameof(SampledValuesVectors.OneAsduCountLies), SampledValuesAnomalies.AsduCountMismatch },
        { nameof(SampledValuesVectors.OneAsduGooseAppId), SampledValuesAnomalies.AppIdOutOfRange },
        { nameof(SampledValuesVectors.OneAsduWrongTag), SampledValuesAnomalies.UnknownPduTag },
        { nameof(SampledValuesVectors.OneAsduSetNotSequence), SampledValuesAnomalies.InvalidAsdu | SampledValuesAnomalies.AsduCountMismatch },
        { nameof(SampledValuesVectors.OneAsduMissingSvId), SampledValuesAnomalies.MissingField },
        { nameof(SampledValuesVectors.OneAsduLyingPduLength), SampledValuesAnomalies.TruncatedPdu },
        { nameof(SampledValuesVectors.OneAsduLengthExceedsFrame), SampledValuesAnomalies.LengthExceedsFrame },
        { nameof(SampledValuesVectors.OneAsduBadLength), SampledValuesAnomalies.InvalidLength },
    };

    [Theory]
    [MemberData(nameof(MalformedTwins))]
    public void TryParse_MalformedTwin_ExactAnomalies(string vector, SampledValuesAnomalies expected)
    {
        var bytes = (byte[])typeof(SampledValuesVectors).GetProperty(vector)!.GetValue(null)!;
        Assert.True(SampledValuesParser.TryParse(bytes, out var m));
        Assert.Equal(expected, m.AnomalyFlags);
        var recorded = Record(bytes);
        Assert.DoesNotContain("unknown", recorded.AnomalyNames);
    }

    [Fact]
    public void TryParse_SmpCntWrongSize_InvalidFieldAndConfRevLost()
    {
        Assert.True(SampledValuesParser.TryParse(SampledValuesVectors.OneAsduBadSmpCntSize, out var m));
        Assert.True(m.AnomalyFlags.HasFlag(SampledValuesAnomalies.InvalidField));
        Assert.True(m.AnomalyFlags.HasFlag(SampledValuesAnomalies.MissingField));
        Assert.Null(m.SmpCnt);
        Assert.Null(m.ConfRev);
        Assert.Equal("MU0101", Encoding.ASCII.GetString(m.SvId));
    }

    [Fact]
    public void TryParse_ShorterThanHeader_FalseAndStreamAnomaly()
    {
        Assert.False(SampledValuesParser.TryParse([0x40, 0x00, 0x00], out _));
        var sink = new RecordingSink();
        new SampledValuesSession().OnFrame([0x40], MergingUnit, Multicast, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal([SampledValuesNames.TruncatedHeader], sink.StreamAnomalies);
    }

    [Fact]
    public void TryParse_EveryPrefix_NoExceptionAndFlagged()
    {
        byte[] frame = SampledValuesVectors.TwoAsdus;
        for (int n = SampledValuesConstants.HeaderLength; n < frame.Length; n++)
        {
            Assert.True(SampledValuesParser.TryParse(frame.AsSpan(0, n), out var m));
            Assert.NotEqual(SampledValuesAnomalies.None, m.AnomalyFlags);
            _ = Record(frame[..n]).DetailsJson;
        }
    }

    [Fact]
    public void OnFrame_SeededRandomInput_NeverThrows()
    {
        var random = new Random(92);
        var session = new SampledValuesSession();
        var sink = new NoOpSink();
        byte[] valid = SampledValuesVectors.TwoAsdus;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 160)];
                random.NextBytes(bytes);
                if (bytes.Length > 8) bytes[8] = SampledValuesConstants.SavPduTag;
            }
            else
            {
                bytes = (byte[])valid.Clone();
                for (int k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            session.OnFrame(bytes, MergingUnit, Multicast, i % 50 == 0 ? new RecordingSink() : sink);
        }
        Assert.True(sink.Count > 19_000);
    }

    [Fact]
    public void OnFrame_SteadyState_AllocatesNothing()
    {
        var session = new SampledValuesSession();
        var sink = new NoOpSink();
        byte[] one = SampledValuesVectors.OneAsdu, two = SampledValuesVectors.TwoAsdus;
        session.OnFrame(one, MergingUnit, Multicast, sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            session.OnFrame(one, MergingUnit, Multicast, sink);
            session.OnFrame(two, MergingUnit, Multicast, sink);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20_001, sink.Count);
    }
}
