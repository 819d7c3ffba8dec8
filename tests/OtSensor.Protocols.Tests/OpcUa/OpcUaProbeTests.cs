using OtSensor.Core.Parsing;
using OtSensor.Protocols.OpcUa;

namespace OtSensor.Protocols.Tests.OpcUa;

public class OpcUaProbeTests
{
    [Fact]
    public void Recognize_Hello_Recognized()
        => Assert.Equal(ProbeResult.Recognized, OpcUaProbe.Recognize(OpcUaVectors.Hello, Direction.ToServer));

    [Fact]
    public void Recognize_PartialHello_Incomplete()
        => Assert.Equal(ProbeResult.Incomplete, OpcUaProbe.Recognize(OpcUaVectors.Hello.AsSpan(0, 20), Direction.ToServer));

    [Fact]
    public void Recognize_MidStreamMessages_Recognized()
        => Assert.Equal(ProbeResult.Recognized, OpcUaProbe.Recognize([.. OpcUaVectors.ReadRequest, .. OpcUaVectors.WriteRequest.AsSpan(0, 30)], Direction.ToServer));

    [Fact]
    public void Recognize_EncryptedOpen_RecognizedByPolicyUri()
        => Assert.Equal(ProbeResult.Recognized, OpcUaProbe.Recognize(OpcUaVectors.OpenRequestEncrypted, Direction.ToServer));

    [Fact]
    public void Recognize_LargeFirstChunkPrefix_JudgedFromPrefix()
    {
        var prefix = OpcUaVectors.GetEndpointsResponse.AsSpan(0, OpcUaProbe.PrefixDecisionLength).ToArray();
        BitConverter.TryWriteBytes(prefix.AsSpan(4), 60000);
        Assert.Equal(ProbeResult.Recognized, OpcUaProbe.Recognize(prefix, Direction.ToClient));
    }

    [Fact]
    public void Recognize_HelloWithWrongVersion_Unrecognized()
    {
        var bytes = (byte[])OpcUaVectors.Hello.Clone();
        bytes[8] = 7;
        Assert.Equal(ProbeResult.Unrecognized, OpcUaProbe.Recognize(bytes, Direction.ToServer));
    }

    [Fact]
    public void Recognize_HelloWithTrailingByte_Unrecognized()
    {
        byte[] bytes = [.. OpcUaVectors.Hello, 0x00];
        BitConverter.TryWriteBytes(bytes.AsSpan(4), bytes.Length);
        Assert.Equal(ProbeResult.Unrecognized, OpcUaProbe.Recognize(bytes, Direction.ToServer));
    }

    [Fact]
    public void Recognize_TextStartingWithMsg_Unrecognized()
        => Assert.Equal(ProbeResult.Unrecognized, OpcUaProbe.Recognize("MSGF 220 mail.example.com ESMTP ready\r\n"u8, Direction.ToClient));

    [Fact]
    public void Recognize_UnknownServiceTypeId_Unrecognized()
    {
        var bytes = (byte[])OpcUaVectors.ReadRequest.Clone();
        bytes[26] = 0x01;
        bytes[27] = 0x01;
        Assert.Equal(ProbeResult.Unrecognized, OpcUaProbe.Recognize(bytes, Direction.ToServer));
    }

    [Theory]
    [InlineData("HELC")]
    [InlineData("OPNA")]
    [InlineData("MSGX")]
    [InlineData("FOOF")]
    public void IsPlausibleHeader_BadTypeOrChunk_Unrecognized(string start)
    {
        byte[] header = [.. System.Text.Encoding.ASCII.GetBytes(start), 0x40, 0x00, 0x00, 0x00];
        Assert.Equal(ProbeResult.Unrecognized, OpcUaProbe.IsPlausibleHeader(header));
    }

    [Fact]
    public void Recognize_RandomAndMutatedInput_NeverThrows()
    {
        var random = new Random(10000);
        byte[][] vectors = [OpcUaVectors.Hello, OpcUaVectors.Acknowledge, OpcUaVectors.Error, OpcUaVectors.ReverseHello, OpcUaVectors.OpenRequest,
            OpcUaVectors.OpenRequestEncrypted, OpcUaVectors.GetEndpointsResponse, OpcUaVectors.ActivateSessionUserName, OpcUaVectors.AbortChunk];
        int recognized = 0;
        for (int run = 0; run < 3000; run++)
        {
            byte[] bytes;
            if (run % 3 == 0)
            {
                bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])vectors[run % vectors.Length].Clone();
                for (int flips = random.Next(1, 4); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                bytes = bytes[..random.Next(1, bytes.Length + 1)];
            }
            if (OpcUaProbe.Recognize(bytes, run % 2 == 0 ? Direction.ToServer : Direction.ToClient) == ProbeResult.Recognized) recognized++;
        }
        Assert.InRange(recognized, 1, 3000);
    }
}
