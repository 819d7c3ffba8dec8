using OtSensor.Core.Parsing;
using OtSensor.Protocols.Iec104;

namespace OtSensor.Protocols.Tests.Iec104;

public class Iec104ProbeTests
{
    [Theory]
    [MemberData(nameof(Iec104Vectors.WellFormed), MemberType = typeof(Iec104Vectors))]
    public void Recognize_WellFormedApdu_Recognized(string name)
        => Assert.Equal(ProbeResult.Recognized, Iec104Probe.Recognize(Iec104Vectors.Get(name), Direction.ToServer));

    [Fact]
    public void Recognize_PartialFirstApdu_Incomplete()
    {
        Assert.Equal(ProbeResult.Incomplete, Iec104Probe.Recognize(Iec104Vectors.StartDtAct.AsSpan(0, 3), Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, Iec104Probe.Recognize(Iec104Vectors.Interrogation.AsSpan(0, 12), Direction.ToServer));
    }

    [Fact]
    public void Recognize_WholeApduThenPartial_Recognized()
        => Assert.Equal(ProbeResult.Recognized, Iec104Probe.Recognize([.. Iec104Vectors.StartDtAct, .. Iec104Vectors.Interrogation.AsSpan(0, 5)], Direction.ToServer));

    [Theory]
    [InlineData("hello world, this is text")]
    [InlineData("h\u0004\u0007\u0000\u0000\u0000 trailing")]
    public void Recognize_Text_Unrecognized(string text)
        => Assert.Equal(ProbeResult.Unrecognized, Iec104Probe.Recognize(System.Text.Encoding.ASCII.GetBytes(text), Direction.ToServer));

    [Theory]
    [InlineData(nameof(Iec104Vectors.UTwoFunctions))]
    [InlineData(nameof(Iec104Vectors.SFrameWithData))]
    [InlineData(nameof(Iec104Vectors.ReservedType))]
    [InlineData(nameof(Iec104Vectors.TruncatedObjects))]
    [InlineData(nameof(Iec104Vectors.AsduTooShort))]
    [InlineData(nameof(Iec104Vectors.LengthTooLarge))]
    [InlineData(nameof(Iec104Vectors.LengthTooSmall))]
    public void Recognize_MalformedFirstApdu_Unrecognized(string name)
        => Assert.Equal(ProbeResult.Unrecognized, Iec104Probe.Recognize(Iec104Vectors.Get(name), Direction.ToServer));

    [Fact]
    public void Module_DescribesIec104OnPort2404()
    {
        var module = new Iec104Module();
        Assert.Equal(Core.Protocols.ProtocolId.Iec104, module.Protocol);
        Assert.Equal([(ushort)2404], module.DefaultPorts.ToArray());
        Assert.True(module.IsStream);
        Assert.IsType<Iec104Session>(module.CreateStreamSession());
        Assert.Null(module.CreateDatagramSession());
    }
}
