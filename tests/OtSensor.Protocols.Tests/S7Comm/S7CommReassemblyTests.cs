using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.Tests.Cotp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.S7Comm;

/// <summary>
/// Userdata answers spanning several PDUs (data unit reference + "last data unit"): one record per PDU, the last
/// one carrying the SZL decoded from the whole answer; bounded, pooled reassembly; malformed sequences flagged.
/// </summary>
public class S7CommReassemblyTests
{
    /// <summary>The answer of snap7 frames 6 and 8 as the server sends it: two TPKT packets back to back.</summary>
    private static readonly byte[] TwoUnitAnswer = [.. S7CommVectors.ReadSzlComponentIdentificationFirst, .. S7CommVectors.ReadSzlComponentIdentificationNext];

    [Fact]
    public void Decode_TwoDataUnitSzlAnswer_LastRecordCarriesTheWholeSzl()
    {
        var (sink, decoder) = Run(S7CommVectors.ReadSzlComponentIdentificationFirst, S7CommVectors.ReadSzlNextRequest, S7CommVectors.ReadSzlComponentIdentificationNext);

        Assert.Equal(3, sink.Messages.Count); // one record per PDU, the client's follow-up request included
        Assert.All(sink.Messages, m => Assert.Equal(0UL, m.Anomalies));
        var first = sink.Messages[0].Details;
        Assert.Equal((0x1C, 0xD5, 1), (first.GetProperty("szlId").GetInt32(), first.GetProperty("dataUnitReference").GetInt32(), first.GetProperty("lastDataUnit").GetInt32()));
        Assert.False(first.TryGetProperty("reassembledLength", out _));

        Assert.False(sink.Messages[1].IsResponse);
        var last = sink.Messages[2].Details;
        Assert.Equal(0x1C, last.GetProperty("szlId").GetInt32());
        Assert.Equal(10, last.GetProperty("szlRecordCount").GetInt32());
        Assert.Equal(214 + 134, last.GetProperty("reassembledLength").GetInt32()); // both units' data after their 4-byte headers
        Assert.Equal(2, last.GetProperty("reassembledDataUnits").GetInt32());
        Assert.Equal(0, decoder.ReassembliesInProgress(Direction.ToClient));
    }

    [Fact]
    public void ReportIdentity_TwoDataUnitSzlAnswer_StatedOnceFromTheWhole()
    {
        var sink = new IdentityRecordingSink();
        var session = new CotpSession([new S7CommPayloadDecoder()]);
        Assert.Equal(TwoUnitAnswer.Length, session.OnData(TwoUnitAnswer, Direction.ToClient, sink).Consumed);

        // Only the last unit states identity, and with records that straddle the two units read whole.
        Assert.Equal([false, true], sink.HasIdentity);
        Assert.Equal("S7300/ET200M station_1", sink.Get(IdentityField.Name));
        Assert.Equal("S C-B1U393142011", sink.Get(IdentityField.Serial));
        Assert.Equal("CPU 315-2 PN/DP", sink.Get(IdentityField.Model));
    }

    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var v in SplitVariants.Of(TwoUnitAnswer)) data.Add(v.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Decode_TwoDataUnitSzlAnswer_CutAnyWay_SameRecords(string variant)
    {
        var expected = Describe(Run(S7CommVectors.ReadSzlComponentIdentificationFirst, S7CommVectors.ReadSzlComponentIdentificationNext).Sink);
        var sink = new RecordingSink();
        var decoder = new S7CommPayloadDecoder();
        var feeder = new StreamFeeder(new CotpSession([decoder]), sink);
        feeder.Feed(Direction.ToClient, SplitVariants.Of(TwoUnitAnswer).Single(v => v.Name == variant).Segments);
        Assert.Equal(expected, Describe(sink));
        Assert.Equal(0, feeder.PendingBytes(Direction.ToClient));
        Assert.Equal(0, decoder.ReassembliesInProgress(Direction.ToClient));
    }

    [Fact]
    public void Decode_LastUnitBeforeTheFirst_FlaggedAndTheFirstNeverFinishes()
    {
        var (sink, decoder) = Run(S7CommVectors.ReadSzlComponentIdentificationNext, S7CommVectors.ReadSzlComponentIdentificationFirst);

        Assert.Equal(["userdata_fragment_without_start"], sink.Messages[0].AnomalyNames);
        Assert.False(sink.Messages[0].Details.TryGetProperty("szlId", out _)); // records, not an SZL header
        Assert.Empty(sink.Messages[1].AnomalyNames);
        Assert.Equal(1, decoder.ReassembliesInProgress(Direction.ToClient)); // waits for a last unit that never comes
        decoder.Reset(Direction.ToClient);
        Assert.Equal(0, decoder.ReassembliesInProgress(Direction.ToClient));
    }

    [Fact]
    public void Decode_AnswerPastTheBound_FlaggedOnceAndNotReassembled()
    {
        // First unit (SZL header), then middle units of 1000 data bytes each until past 16 KiB, then the last unit.
        var packets = new List<byte[]> { S7CommVectors.ReadSzlComponentIdentificationFirst };
        int units = S7CommConstants.MaxUserdataReassemblyBytes / 1000 + 1;
        for (int i = 0; i < units; i++) packets.Add(Unit(0xD5, more: true, new byte[1000]));
        packets.Add(S7CommVectors.ReadSzlComponentIdentificationNext);
        var (sink, decoder) = Run([.. packets]);

        Assert.Equal(units + 2, sink.Messages.Count);
        Assert.Single(sink.Messages, m => m.AnomalyNames.Contains("userdata_reassembly_too_large"));
        Assert.False(sink.Messages[^1].Details.TryGetProperty("reassembledLength", out _));
        Assert.Equal(0, decoder.ReassembliesInProgress(Direction.ToClient));
    }

    /// <summary>A first unit's data: SZL-ID 0x0011, index 0, record length 28, 1 record (which follows in a later unit).</summary>
    private static readonly byte[] SzlHeader = [0x00, 0x11, 0x00, 0x00, 0x00, 0x1C, 0x00, 0x01];

    [Fact]
    public void Decode_MoreUnfinishedAnswersThanSlots_OldestAbandoned()
    {
        var packets = new List<byte[]>();
        for (int dur = 1; dur <= S7CommConstants.MaxUserdataReassemblies + 1; dur++) packets.Add(Unit((byte)dur, more: true, SzlHeader));
        var (sink, decoder) = Run([.. packets]);

        Assert.All(sink.Messages.Take(S7CommConstants.MaxUserdataReassemblies), m => Assert.Empty(m.AnomalyNames));
        Assert.Equal(["userdata_reassembly_abandoned"], sink.Messages[^1].AnomalyNames);
        Assert.Equal(S7CommConstants.MaxUserdataReassemblies, decoder.ReassembliesInProgress(Direction.ToClient));

        // The abandoned answer (reference 1) has no slot any more: its last unit is an orphan.
        var (late, _) = Run([.. packets, Unit(1, more: false, [0x00, 0x01])]);
        Assert.Equal(["userdata_fragment_without_start"], late.Messages[^1].AnomalyNames);
    }

    [Fact]
    public void Decode_SameReferenceInTheOtherDirection_NotMixed()
    {
        var sink = new RecordingSink();
        var decoder = new S7CommPayloadDecoder();
        var session = new CotpSession([decoder]);
        session.OnData(S7CommVectors.ReadSzlComponentIdentificationFirst, Direction.ToClient, sink);
        session.OnData(S7CommVectors.ReadSzlComponentIdentificationNext, Direction.ToServer, sink);
        Assert.Equal(["userdata_fragment_without_start"], sink.Messages[1].AnomalyNames);
        Assert.Equal(1, decoder.ReassembliesInProgress(Direction.ToClient));
    }

    [Fact]
    public void Decode_RandomUnitSequences_NeverThrowAndStayBounded()
    {
        var random = new Random(20261128);
        var decoder = new S7CommPayloadDecoder();
        var session = new CotpSession([decoder]);
        var sink = new NoOpSink();
        for (int i = 0; i < 3000; i++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            var packet = Unit((byte)random.Next(0, 6), more: random.Next(3) != 0, data, group: random.Next(2) == 0 ? 4 : 3);
            if (random.Next(10) == 0) packet[random.Next(7, packet.Length)] = (byte)random.Next(256); // a damaged header now and then
            session.OnData(packet, random.Next(4) == 0 ? Direction.ToServer : Direction.ToClient, sink);
            Assert.InRange(decoder.ReassembliesInProgress(Direction.ToClient), 0, S7CommConstants.MaxUserdataReassemblies);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void Decode_TwoDataUnitAnswer_SteadyStateAllocatesNothing()
    {
        var session = new CotpSession([new S7CommPayloadDecoder()]);
        var sink = new NoOpSink();
        for (int i = 0; i < 50; i++) session.OnData(TwoUnitAnswer, Direction.ToClient, sink);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++) session.OnData(TwoUnitAnswer, Direction.ToClient, sink);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(500, sink.Count);
    }

    /// <summary>
    /// One userdata response data unit in TPKT/COTP: CPU functions (group 4) / Read SZL (subfunction 1), sequence 2,
    /// data unit reference <paramref name="dataUnitReference"/>, "last data unit" 1 when <paramref name="more"/>.
    /// </summary>
    private static byte[] Unit(byte dataUnitReference, bool more, byte[] data, int group = 4)
    {
        byte[] pdu =
        [
            0x32, 0x07, 0x00, 0x00, 0x05, 0x00,                          // Userdata, PDU ref 0x0500
            0x00, 0x0C, 0x00, 0x00,                                      // parameter length 12, data length (below)
            0x00, 0x01, 0x12, 0x08,                                      // parameter head, parameter length 8
            0x12, (byte)(0x80 | group), 0x01, 0x02,                      // method response, type 8 | group, subfunction 1, sequence 2
            dataUnitReference, (byte)(more ? 1 : 0), 0x00, 0x00,         // data unit reference, last data unit, error code
            0xFF, 0x09, 0x00, 0x00,                                      // success, octet string, length (below)
            .. data,
        ];
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(8), (ushort)(4 + data.Length));
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(24), (ushort)data.Length);
        return CotpVectors.Data(pdu, eot: true);
    }

    private static (RecordingSink Sink, S7CommPayloadDecoder Decoder) Run(params byte[][] answerPackets)
    {
        var sink = new RecordingSink();
        var decoder = new S7CommPayloadDecoder();
        var session = new CotpSession([decoder]);
        foreach (var packet in answerPackets)
        {
            // Requests travel to the server, answers to the client.
            var direction = packet.Length > 22 && (packet[22] & 0xF0) == 0x40 ? Direction.ToServer : Direction.ToClient;
            Assert.Equal(packet.Length, session.OnData(packet, direction, sink).Consumed);
        }
        return (sink, decoder);
    }

    private static List<string> Describe(RecordingSink sink) => [.. sink.Messages.Select(m => m.ToString())];

    /// <summary>Records, per message, whether it states identity, and collects what it states.</summary>
    private sealed class IdentityRecordingSink : Registry.IProtocolEventSink, IIdentityReceiver
    {
        private readonly Dictionary<IdentityField, string> _values = [];

        public List<bool> HasIdentity { get; } = [];

        public string? Get(IdentityField field) => _values.GetValueOrDefault(field);

        public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
            => _values.TryAdd(field, System.Text.Encoding.ASCII.GetString(value).TrimEnd('\0', ' '));

        public void OnS7Comm(in S7CommMessage message)
        {
            HasIdentity.Add(message.HasIdentity);
            message.ReportIdentity(this);
        }

        public void OnModbus(in global::OtSensor.Protocols.Modbus.ModbusMessage message) { }
        public void OnIec104(in global::OtSensor.Protocols.Iec104.Iec104Message message) { }
        public void OnDnp3(in global::OtSensor.Protocols.Dnp3.Dnp3Message message) { }
        public void OnS7CommPlus(in global::OtSensor.Protocols.S7CommPlus.S7CommPlusMessage message) { }
        public void OnEnip(in global::OtSensor.Protocols.Enip.EnipMessage message) { }
        public void OnCip(in global::OtSensor.Protocols.Cip.CipMessage message) { }
        public void OnMms(in global::OtSensor.Protocols.Mms.MmsMessage message) { }
        public void OnBacnet(in global::OtSensor.Protocols.Bacnet.BacnetMessage message) { }
        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) { }
    }
}
