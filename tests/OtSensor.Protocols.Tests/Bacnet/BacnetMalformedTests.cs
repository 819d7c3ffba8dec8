using OtSensor.Core.Parsing;
using OtSensor.Protocols.Bacnet;

namespace OtSensor.Protocols.Tests.Bacnet;

/// <summary>Malformed datagrams end in anomaly bits on the record (or a stream anomaly), never in an exception.</summary>
public sealed class BacnetMalformedTests
{
    private static ulong Anomalies(byte[] datagram) => BacnetParserTests.Parse(datagram).Anomalies;

    [Fact]
    public void OnDatagram_LengthFieldPastDatagram_MismatchAndStillDecoded()
    {
        byte[] datagram =
        [
            0x81, 0x0A, 0x00, 0x40, // BVLC length 64, datagram only 17
            0x01, 0x04,             // NPDU
            0x00, 0x05, 0x01, 0x0C, // Confirmed-REQ readProperty
            0x0C, 0x02, 0x00, 0x00, 0x7B, 0x19, 0x4D, // device 123, object-name
        ];
        var m = BacnetParserTests.Parse(datagram);
        Assert.Equal((ulong)BacnetAnomalies.BvlcLengthMismatch, m.Anomalies);
        Assert.Equal(12, m.Function);
    }

    [Fact]
    public void OnDatagram_TagLengthPastEnd_TagAndServiceMalformed()
    {
        byte[] datagram =
        [
            0x81, 0x0A, 0x00, 0x0D, // BVLC length 13
            0x01, 0x04,             // NPDU
            0x00, 0x05, 0x01, 0x0C, // Confirmed-REQ readProperty
            0x0C, 0x02, 0x00,       // [0] says 4 octets, 2 follow
        ];
        Assert.Equal((ulong)(BacnetAnomalies.TagMalformed | BacnetAnomalies.ServiceMalformed), Anomalies(datagram));
    }

    [Fact]
    public void OnDatagram_ExtendedLengthLies_TagMalformed()
    {
        byte[] datagram =
        [
            0x81, 0x0A, 0x00, 0x0F, // BVLC length 15
            0x01, 0x04,             // NPDU
            0x00, 0x05, 0x05, 0x14, // Confirmed-REQ reinitializeDevice
            0x09, 0x01,             // [0] warmstart
            0x1D, 0xFF, 0x7F,       // [1] LVT 5, extended length 255 → 4-octet length, only one octet left
        ];
        Assert.Equal((ulong)BacnetAnomalies.TagMalformed, Anomalies(datagram));
    }

    [Fact]
    public void OnDatagram_NestingTooDeep_TagLimitExceeded()
    {
        byte[] header =
        [
            0x81, 0x0A, 0x00, 0x00, // BVLC length patched below
            0x01, 0x04,             // NPDU
            0x00, 0x05, 0x03, 0x0F, // Confirmed-REQ writeProperty
            0x0C, 0x00, 0x80, 0x00, 0x01, // [0] analog-value 1
            0x19, 0x55,             // [1] present-value
        ];
        byte[] datagram = [.. header, .. Enumerable.Repeat((byte)0x3E, 40)]; // forty [3] opening tags
        datagram[3] = (byte)datagram.Length;
        Assert.Equal((ulong)BacnetAnomalies.TagLimitExceeded, Anomalies(datagram));
    }

    [Fact]
    public void OnDatagram_ClosingWithoutOpening_TagMalformed()
    {
        byte[] datagram =
        [
            0x81, 0x0A, 0x00, 0x10, // BVLC length 16
            0x01, 0x00,             // NPDU
            0x30, 0x01, 0x0C,       // Complex-ACK readProperty
            0x3F,                   // [3] closing with nothing open
            0x0C, 0x02, 0x00, 0x00, 0x7B, 0x19, // (never reached)
        ];
        Assert.NotEqual(0UL, Anomalies(datagram) & (ulong)BacnetAnomalies.TagMalformed);
    }

    [Fact]
    public void OnDatagram_ApplicationTagWithOpeningLvt_TagMalformed()
    {
        byte[] datagram =
        [
            0x81, 0x0B, 0x00, 0x09, // BVLC length 9
            0x01, 0x00,             // NPDU
            0x10, 0x00,             // i-Am
            0xC6,                   // application tag 12 with LVT 6 (only context tags open)
        ];
        Assert.Equal((ulong)(BacnetAnomalies.TagMalformed | BacnetAnomalies.ServiceMalformed), Anomalies(datagram));
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x08, /* NPDU */ 0x01, 0x00, /* APDU type 8 */ 0x80, 0x01 }, BacnetAnomalies.ApduUnknownType)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x08, /* NPDU version 2 */ 0x02, 0x00, 0x10, 0x08 }, BacnetAnomalies.NpduBadVersion)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x08, /* NPDU: DNET present, DLEN missing */ 0x01, 0x20, 0x00, 0x05 }, BacnetAnomalies.NpduTruncated)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x0B, /* NPDU: SNET 5, SLEN 0 */ 0x01, 0x08, 0x00, 0x05, 0x00, /* who-Is */ 0x10, 0x08 }, BacnetAnomalies.NpduBadAddress)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x08, /* NPDU: reserved bit 6 */ 0x01, 0x40, 0x10, 0x08 }, BacnetAnomalies.NpduReservedBits)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x08, /* NPDU */ 0x01, 0x00, /* unconfirmed service 32 */ 0x10, 0x20 }, BacnetAnomalies.UnknownService)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x08, /* NPDU */ 0x01, 0x00, /* unconfirmed with SEG */ 0x18, 0x08 }, BacnetAnomalies.BadSegmentation)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x0A, /* NPDU */ 0x01, 0x00, /* who-Is, low limit only */ 0x10, 0x08, 0x09, 0x64 }, BacnetAnomalies.BadRange)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x07, /* NPDU */ 0x01, 0x00, /* confirmed request cut after type */ 0x00 }, BacnetAnomalies.ApduTruncated)]
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x06, /* NPDU without APDU */ 0x01, 0x00 }, BacnetAnomalies.ApduTruncated)]
    [InlineData(new byte[] { 0x81, 0x0D, 0x00, 0x04 /* BVLC function 0x0D */ }, BacnetAnomalies.BvlcUnknownFunction)]
    [InlineData(new byte[] { 0x81, 0x00, 0x00, 0x05, /* BVLC-Result with one octet */ 0x00 }, BacnetAnomalies.BvlcBadPayloadLength)]
    [InlineData(new byte[] { 0x81, 0x03, 0x00, 0x09, /* Read-BDT-Ack with a partial row */ 0xC0, 0xA8, 0x00, 0x01, 0xBA }, BacnetAnomalies.BvlcBadPayloadLength)]
    [InlineData(new byte[] { 0x81, 0x04, 0x00, 0x08, /* Forwarded-NPDU without its address */ 0xC0, 0xA8, 0x00, 0x01 }, BacnetAnomalies.BvlcBadPayloadLength)]
    public void OnDatagram_MalformedHeader_Anomaly(byte[] datagram, BacnetAnomalies expected)
        => Assert.Equal((ulong)expected, Anomalies(datagram));

    [Fact]
    public void OnDatagram_NotBvll_StreamAnomaly()
    {
        var sink = new RecordingSink();
        new BacnetSession().OnDatagram([0x82, 0x0A, 0x00, 0x04], Direction.ToServer, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal([BacnetFields.NotBvll], sink.StreamAnomalies);
    }

    [Fact]
    public void OnDatagram_RandomBytes_NeverThrows()
    {
        var random = new Random(47808);
        var sink = new RecordingSink();
        var session = new BacnetSession();
        var buffer = new byte[96];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(0, buffer.Length);
            var datagram = buffer.AsSpan(0, length);
            random.NextBytes(datagram);
            // Half the time a valid BVLL/NPDU prefix, so the APDU and tag code see the random part.
            if (length >= 6 && (i & 1) == 0)
            {
                datagram[0] = 0x81;
                datagram[1] = 0x0A;
                datagram[2] = 0;
                datagram[3] = (byte)length;
                datagram[4] = 0x01;
                datagram[5] &= 0xAF;
            }
            session.OnDatagram(datagram, Direction.ToServer, sink);
            BacnetProbe.Recognize(datagram, Direction.ToServer);
            if (sink.Messages.Count > 1000) sink.Messages.Clear();
        }
        Assert.NotEmpty(sink.Messages);
    }

    [Fact]
    public void OnDatagram_EveryTruncation_NeverThrows()
    {
        var sink = new RecordingSink();
        var session = new BacnetSession();
        foreach (var field in typeof(BacnetVectors).GetFields())
        {
            var vector = (byte[])field.GetValue(null)!;
            for (int cut = 0; cut <= vector.Length; cut++) session.OnDatagram(vector.AsSpan(0, cut), Direction.ToServer, sink);
        }
        Assert.NotEmpty(sink.Messages);
    }
}
