using OtSensor.Protocols.Bacnet;

namespace OtSensor.Protocols.Tests.Bacnet;

public sealed class BacnetTagReaderTests
{
    [Fact]
    public void TryRead_ExtendedTagNumberAndLengths_ValuesSliced()
    {
        byte[] data =
        [
            0xF9, 0x20, 0x07,       // context tag, extended number 32, length 1: value 7
            0x65, 0xFE, 0x01, 0x00, // application octet string, LVT 5, extended 254: 2-octet length 256
            .. new byte[256],       // the 256 octets
            0x11,                   // application BOOLEAN true (LVT is the value)
        ];
        var reader = new BacnetTagReader(data);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal((32, true, 1, 7), (first.Number, first.IsContext, first.Length, first.Value[0]));
        Assert.True(reader.TryRead(out var second));
        Assert.Equal((6, false, 256), (second.Number, second.IsContext, second.Value.Length));
        Assert.True(reader.TryRead(out var boolean));
        Assert.True(boolean.IsApplication(BacnetApplicationTag.Boolean));
        Assert.Equal(1, boolean.Length);
        Assert.False(reader.TryRead(out _));
        Assert.Equal(BacnetAnomalies.None, reader.Error);
    }

    [Fact]
    public void TryRead_OpeningAndClosing_DepthTracked()
    {
        byte[] data = [0x3E, /* [3] opening */ 0x21, 0x05, /* unsigned 5 */ 0x3F /* [3] closing */];
        var reader = new BacnetTagReader(data);
        Assert.True(reader.TryRead(out var open));
        Assert.True(open.IsOpening(3));
        Assert.Equal(0, open.Depth);
        Assert.True(reader.TryRead(out var value));
        Assert.Equal(1, value.Depth);
        Assert.True(value.TryGetUnsigned(out uint v));
        Assert.Equal(5u, v);
        Assert.True(reader.TryRead(out var close));
        Assert.True(close.IsClosing(3));
        Assert.Equal(0, reader.Depth);
    }

    [Theory]
    [InlineData(new byte[] { 0xF9 })]                         // extended tag number missing
    [InlineData(new byte[] { 0x65, 0xFF, 0x00, 0x00 })]       // 4-octet extended length cut
    [InlineData(new byte[] { 0x65, 0xFE, 0x00, 0x03, 0x00 })] // length 3, one octet left
    [InlineData(new byte[] { 0x1F })]                         // closing tag at depth 0
    [InlineData(new byte[] { 0x16 })]                         // BOOLEAN with LVT 6
    public void TryRead_Malformed_StopsWithError(byte[] data)
    {
        var reader = new BacnetTagReader(data);
        while (reader.TryRead(out _)) { }
        Assert.Equal(BacnetAnomalies.TagMalformed, reader.Error);
    }

    [Fact]
    public void TryRead_ManyEmptyTags_StopsAtTagBound()
    {
        var data = new byte[BacnetConstants.MaxTags + 10]; // 0x00: application NULL, one octet each
        var reader = new BacnetTagReader(data);
        int count = 0;
        while (reader.TryRead(out _)) count++;
        Assert.Equal(BacnetConstants.MaxTags, count);
        Assert.Equal(BacnetAnomalies.TagLimitExceeded, reader.Error);
    }
}
