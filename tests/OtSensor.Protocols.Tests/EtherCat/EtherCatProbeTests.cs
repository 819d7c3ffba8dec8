using System.Text;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.EtherCat;

namespace OtSensor.Protocols.Tests.EtherCat;

public sealed class EtherCatProbeTests
{
    [Fact]
    public void Recognize_WellFormedFrames_Recognized()
    {
        Assert.Equal(ProbeResult.Recognized, EtherCatProbe.Recognize(EtherCatVectors.BrdAlStatus, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, EtherCatProbe.Recognize(EtherCatVectors.Chained[..52], Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, EtherCatProbe.Recognize(EtherCatVectors.FoeWriteRequest, Direction.ToClient));
    }

    [Fact]
    public void Recognize_MalformedOrOtherFrames_Unrecognized()
    {
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(EtherCatVectors.ReservedFrameType, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(EtherCatVectors.NetworkVariables, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(EtherCatVectors.DatagramBeyondFrame, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(EtherCatVectors.MoreBitWithNothingAfter, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(EtherCatVectors.HeaderLengthLying, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(EtherCatVectors.UnknownCommand, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(EtherCatVectors.BrdAlStatus[..13], Direction.ToServer));
    }

    [Fact]
    public void Recognize_Text_Unrecognized()
    {
        Assert.Equal(ProbeResult.Unrecognized, EtherCatProbe.Recognize(Encoding.ASCII.GetBytes("hello world, this is not EtherCAT"), Direction.ToServer));
    }

    [Fact]
    public void Recognize_SeededRandomDatagrams_AlmostNeverRecognized()
    {
        var random = new Random(34980);
        var buffer = new byte[200];
        int recognized = 0;
        for (int i = 0; i < 50_000; i++)
        {
            var data = buffer.AsSpan(0, random.Next(buffer.Length + 1));
            random.NextBytes(data);
            if (EtherCatProbe.Recognize(data, Direction.ToServer) == ProbeResult.Recognized) recognized++;
        }
        Assert.True(recognized < 5, $"{recognized} random datagrams recognised");
    }
}
