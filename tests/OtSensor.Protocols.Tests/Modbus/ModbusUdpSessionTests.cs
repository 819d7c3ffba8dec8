using OtSensor.Core.Parsing;
using OtSensor.Protocols.Modbus;

namespace OtSensor.Protocols.Tests.Modbus;

/// <summary>Modbus over UDP: one MBAP ADU per datagram, decoded by the Modbus/TCP parser, paired by (unit, transaction).</summary>
public sealed class ModbusUdpSessionTests
{
    [Fact]
    public void OnDatagram_RequestThenResponse_PairsAndDecodes()
    {
        var sink = new RecordingSink();
        var session = new ModbusUdpSession();
        session.OnDatagram(ModbusVectors.RdHoldingRegsRequest, Direction.ToServer, sink);
        session.OnDatagram(ModbusVectors.RdHoldingRegsResponse, Direction.ToClient, sink);

        Assert.Equal(2, sink.Messages.Count);
        Assert.All(sink.Messages, m => Assert.Equal(3, m.Function));
        Assert.False(sink.Messages[0].IsResponse);
        Assert.True(sink.Messages[1].IsResponse);
        Assert.True(sink.Messages[1].Details.GetProperty("paired").GetBoolean());
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Equal(0, session.OutstandingRequests);
    }

    [Fact]
    public void OnDatagram_ResponseWithoutRequest_FlagsUnsolicited()
    {
        var sink = new RecordingSink();
        new ModbusUdpSession().OnDatagram(ModbusVectors.RdHoldingRegsResponse, Direction.ToClient, sink);
        Assert.Contains("unsolicited_response", Assert.Single(sink.Messages).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_LengthShorterThanDatagram_DecodesWithLengthMismatch()
    {
        // A datagram cannot continue in the next one: the bytes past the MBAP length are flagged, not kept.
        byte[] datagram = [.. ModbusVectors.RdHoldingRegsRequest, 0xEE, 0xEE];
        var sink = new RecordingSink();
        new ModbusUdpSession().OnDatagram(datagram, Direction.ToServer, sink);
        Assert.Contains("length_mismatch", Assert.Single(sink.Messages).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_LengthLongerThanDatagram_DecodesWithLengthMismatch()
    {
        byte[] datagram = ModbusVectors.RdHoldingRegsRequest[..^2]; // quantity cut off, length still says 6
        var sink = new RecordingSink();
        new ModbusUdpSession().OnDatagram(datagram, Direction.ToServer, sink);
        var message = Assert.Single(sink.Messages);
        Assert.Contains("length_mismatch", message.AnomalyNames);
        Assert.Contains("data_too_short", message.AnomalyNames);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x00, 0x01, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x01 })] // protocol id 1
    [InlineData(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x01, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x01 })] // length 262
    [InlineData(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01 })]                                 // length 1, no function
    [InlineData(new byte[] { 0x00, 0x01, 0x00 })]                                                          // shorter than a header
    public void OnDatagram_ImpossibleHeader_StreamAnomalyNoRecord(byte[] datagram)
    {
        var sink = new RecordingSink();
        new ModbusUdpSession().OnDatagram(datagram, Direction.ToServer, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal(["not_modbus"], sink.StreamAnomalies);
    }

    [Fact]
    public void RecognizeDatagram_OneWholeAdu_Recognized()
    {
        Assert.Equal(ProbeResult.Recognized, ModbusProbe.RecognizeDatagram(ModbusVectors.RdHoldingRegsRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, ModbusProbe.RecognizeDatagram(ModbusVectors.RdDeviceIdResponse, Direction.ToClient));
    }

    [Fact]
    public void RecognizeDatagram_TwoAdusOrTruncatedOrBadFunction_Unrecognized()
    {
        byte[] two = [.. ModbusVectors.RdHoldingRegsRequest, .. ModbusVectors.RdHoldingRegsRequest];
        byte[] badFunction = [0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x01, 0x33]; // FC 51: not public, not user-defined
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.RecognizeDatagram(two, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.RecognizeDatagram(ModbusVectors.RdHoldingRegsRequest.AsSpan(0, 11), Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.RecognizeDatagram(badFunction, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.RecognizeDatagram("hello world!"u8, Direction.ToServer));
    }

    [Fact]
    public void OnDatagram_RandomBytes_NeverThrows()
    {
        var random = new Random(20240503);
        var sink = new NoOpSink();
        var session = new ModbusUdpSession(8);
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 8)
            {
                bytes[2] = 0;
                bytes[3] = 0;
                bytes[4] = 0;
                bytes[5] = (byte)(bytes.Length - 6);
            }
            session.OnDatagram(bytes, (i & 1) == 0 ? Direction.ToServer : Direction.ToClient, sink);
            _ = ModbusProbe.RecognizeDatagram(bytes, Direction.ToServer);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnDatagram_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new ModbusUdpSession();
        byte[] request = ModbusVectors.RdHoldingRegsRequest, response = ModbusVectors.RdHoldingRegsResponse;
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_200, sink.Count);

        void Pump()
        {
            session.OnDatagram(request, Direction.ToServer, sink);
            session.OnDatagram(response, Direction.ToClient, sink);
        }
    }
}
