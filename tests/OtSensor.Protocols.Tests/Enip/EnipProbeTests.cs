using System.Text;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.Enip;

namespace OtSensor.Protocols.Tests.Enip;

public sealed class EnipProbeTests
{
    [Fact]
    public void Recognize_ClientRequests_Recognized()
    {
        Assert.Equal(ProbeResult.Recognized, EnipProbe.Recognize(EnipVectors.ListIdentityRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, EnipProbe.Recognize(EnipVectors.RegisterSessionRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, EnipProbe.Recognize(EnipVectors.SendRRDataGetAttributeSingle, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, EnipProbe.Recognize(EnipVectors.SendUnitDataMultipleReadTag, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, EnipProbe.RecognizeDatagram(EnipVectors.ListIdentityReply, Direction.ToClient));
        Assert.Equal(ProbeResult.Recognized, EnipProbe.RecognizeIo(EnipVectors.ClassOneIo, Direction.ToServer));
    }

    [Fact]
    public void Recognize_ShortPrefix_Incomplete()
    {
        Assert.Equal(ProbeResult.Incomplete, EnipProbe.Recognize(EnipVectors.RegisterSessionRequest.AsSpan(0, 10), Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, EnipProbe.Recognize(EnipVectors.RegisterSessionRequest.AsSpan(0, 26), Direction.ToServer));
    }

    [Fact]
    public void Recognize_ZerosModbusAndText_Unrecognized()
    {
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.Recognize(new byte[64], Direction.ToServer)); // NOP-shaped
        byte[] modbus = [0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, .. new byte[20]];
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.Recognize(modbus, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.Recognize(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: plc\r\n\r\n"), Direction.ToServer));
    }

    [Fact]
    public void Recognize_SendRRDataWithoutSessionOrWithOptions_Unrecognized()
    {
        byte[] noSession = [.. EnipVectors.SendRRDataGetAttributeSingle];
        noSession[4] = noSession[5] = noSession[6] = noSession[7] = 0;
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.Recognize(noSession, Direction.ToServer));
        byte[] options = [.. EnipVectors.SendRRDataGetAttributeSingle];
        options[23] = 0x80;
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.Recognize(options, Direction.ToServer));
    }

    [Fact]
    public void Recognize_CpfNotFillingPacket_Unrecognized()
    {
        byte[] frame = [.. EnipVectors.SendRRDataGetAttributeSingle];
        frame[24 + 6 + 2 + 4 + 2] = 0x07; // data item one octet short of the packet
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.Recognize(frame, Direction.ToServer));
    }

    [Fact]
    public void RecognizeIo_WrongItemOrLength_Unrecognized()
    {
        byte[] wrongItem = [.. EnipVectors.ClassOneIo];
        wrongItem[2] = 0xA1;
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.RecognizeIo(wrongItem, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EnipProbe.RecognizeIo([.. EnipVectors.ClassOneIo, 0x00], Direction.ToServer));
    }
}
