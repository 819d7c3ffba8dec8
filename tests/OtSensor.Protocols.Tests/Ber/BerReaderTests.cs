using OtSensor.Protocols.Ber;

namespace OtSensor.Protocols.Tests.Ber;

public class BerReaderTests
{
    [Fact]
    public void TryRead_ShortFormLength_TagClassNumberAndContent()
    {
        byte[] bytes =
        [
            0xA4, 0x03,             // context [4], constructed, length 3
            0x80, 0x01, 0x0A,       //   context [0], primitive, 0x0A
            0x1A, 0x01, 0x41,       // universal 26 VisibleString "A"
        ];
        var reader = new BerReader(bytes);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(BerElement.ClassContext, first.TagClass);
        Assert.True(first.Constructed);
        Assert.Equal(4, first.Number);
        Assert.Equal([0x80, 0x01, 0x0A], first.Content.ToArray());
        Assert.True(reader.TryRead(out var second));
        Assert.True(second.IsUniversal(26));
        Assert.False(second.Constructed);
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.Failed);
    }

    [Fact]
    public void TryRead_LongFormLength_ReadsTwoLengthOctets()
    {
        var bytes = new byte[4 + 0x0100];
        bytes[0] = 0x04;  // OCTET STRING
        bytes[1] = 0x82;  // long form, 2 length octets
        bytes[2] = 0x01;  // 0x0100
        bytes[3] = 0x00;
        var reader = new BerReader(bytes);
        Assert.True(reader.TryRead(out var e));
        Assert.Equal(256, e.Content.Length);
        Assert.True(reader.IsEmpty);
    }

    [Fact]
    public void TryRead_HighTagNumber_DecodesBase128()
    {
        byte[] bytes =
        [
            0xBF, 0x3F,             // context, constructed, high-tag form: number 63 (getAlarmSummary)
            0x00,                   // length 0
        ];
        var reader = new BerReader(bytes);
        Assert.True(reader.TryRead(out var e));
        Assert.True(e.IsContext(63));
    }

    [Fact]
    public void TryRead_LyingLength_FailsWithoutThrowing()
    {
        byte[] bytes =
        [
            0x30, 0x10,             // SEQUENCE claiming 16 bytes
            0x02, 0x01, 0x00,       // only 3 present
        ];
        var reader = new BerReader(bytes);
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.Failed);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void TryRead_IndefiniteLength_Rejected()
    {
        byte[] bytes =
        [
            0x30, 0x80,             // SEQUENCE, indefinite length
            0x02, 0x01, 0x00,       //   INTEGER 0
            0x00, 0x00,             // end-of-contents
        ];
        var reader = new BerReader(bytes);
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.Failed);
        Assert.True(reader.SawIndefiniteLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0x85, 0x00, 0x00, 0x00, 0x00, 0x01 })] // five length octets
    [InlineData(new byte[] { 0x04, 0x84, 0xFF, 0xFF, 0xFF, 0xFF })]       // 4 GiB length
    [InlineData(new byte[] { 0x04, 0x82, 0x01 })]                         // length octets truncated
    [InlineData(new byte[] { 0x9F, 0x81, 0x81, 0x81, 0x01, 0x00 })]       // tag number in four base-128 octets
    [InlineData(new byte[] { 0x9F, 0x81 })]                               // tag number truncated
    [InlineData(new byte[] { 0x30 })]                                     // no length at all
    public void TryRead_ImpossibleHeader_Fails(byte[] bytes)
    {
        var reader = new BerReader(bytes);
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.Failed);
    }

    [Fact]
    public void TryEnter_NestingBeyond32_Refused()
    {
        var nested = new byte[2 * 40];
        for (int i = 0; i < 40; i++)
        {
            nested[2 * i] = 0x30;                      // SEQUENCE
            nested[2 * i + 1] = (byte)(2 * (39 - i));   // containing the rest
        }
        var reader = new BerReader(nested);
        int depth = 0;
        while (reader.TryRead(out var e))
        {
            if (!reader.TryEnter(e.Content, out var child)) break;
            reader = child;
            depth++;
        }
        Assert.Equal(BerReader.MaxDepth, depth);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 }, true, 0u)]
    [InlineData(new byte[] { 0x04, 0xA2, 0x73 }, true, 303731u)]
    [InlineData(new byte[] { 0x00, 0xFF, 0xFF, 0xFF, 0xFF }, true, uint.MaxValue)]
    [InlineData(new byte[] { 0x80 }, false, 0u)]                         // negative
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00, 0x00 }, false, 0u)] // above Unsigned32
    [InlineData(new byte[] { }, false, 0u)]
    public void TryReadUnsigned_Content_ValueOrRejected(byte[] content, bool ok, uint expected)
    {
        Assert.Equal(ok, BerReader.TryReadUnsigned(content, out uint value));
        if (ok) Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x05 }, true, 0x61, 5, 2)]                          // short form, content absent
    [InlineData(new byte[] { 0x61, 0x81, 0x86, 0x80 }, true, 0x61, 134, 3)]            // long form, one octet
    [InlineData(new byte[] { 0x60, 0x82, 0x01, 0x00 }, true, 0x60, 256, 4)]            // long form, two octets
    [InlineData(new byte[] { 0x61, 0x80, 0x00 }, false, 0, 0, 0)]                      // indefinite
    [InlineData(new byte[] { 0x61, 0x85, 0x01, 0x02, 0x03, 0x04, 0x05 }, false, 0, 0, 0)] // five length octets
    [InlineData(new byte[] { 0x61, 0x82, 0x01 }, false, 0, 0, 0)]                      // length octets cut
    [InlineData(new byte[] { 0x7F, 0x21, 0x02 }, false, 0, 0, 0)]                      // high tag number form
    [InlineData(new byte[] { 0x61 }, false, 0, 0, 0)]
    [InlineData(new byte[] { 0x61, 0x84, 0x80, 0x00, 0x00, 0x00 }, false, 0, 0, 0)]    // above int.MaxValue
    public void TryReadHeader_Identifier_LengthWithoutRequiringContent(byte[] data, bool ok, int identifier, int length, int headerLength)
    {
        Assert.Equal(ok, BerReader.TryReadHeader(data, out byte id, out int len, out int header));
        if (!ok) return;
        Assert.Equal((identifier, length, headerLength), (id, len, header));
    }
}
