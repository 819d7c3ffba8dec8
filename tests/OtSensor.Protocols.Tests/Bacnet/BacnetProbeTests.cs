using OtSensor.Core.Parsing;
using OtSensor.Protocols.Bacnet;

namespace OtSensor.Protocols.Tests.Bacnet;

public sealed class BacnetProbeTests
{
    [Theory]
    [InlineData(nameof(BacnetVectors.WhoIs))]
    [InlineData(nameof(BacnetVectors.IAm))]
    [InlineData(nameof(BacnetVectors.ReadPropertyRequest))]
    [InlineData(nameof(BacnetVectors.ForwardedWhoIs))]
    [InlineData(nameof(BacnetVectors.RegisterForeignDevice))]
    [InlineData(nameof(BacnetVectors.ReadBdt))]
    [InlineData(nameof(BacnetVectors.ReadFdtAck))]
    [InlineData(nameof(BacnetVectors.WhoIsRouterToNetwork))]
    public void Recognize_ValidBvll_Recognized(string vector)
        => Assert.Equal(ProbeResult.Recognized, BacnetProbe.Recognize(BacnetParserTests.Vector(vector), Direction.ToServer));

    [Fact]
    public void Recognize_ShortLengthWithWellFormedApdu_Recognized()
    {
        // icsnpp bacnet_example.pcap frame 572: BVLC length 17 while the password runs on to octet 25.
        byte[] datagram =
        [
            0x81, 0x0A, 0x00, 0x11, // BVLC: Original-Unicast-NPDU, length 17 (datagram 25)
            0x01, 0x04,             // NPDU: expecting reply
            0x00, 0x05, 0x01, 0x14, // Confirmed-REQ, invoke 1, reinitializeDevice
            0x09, 0x06,             // [0] state 6 abort-restore
            0x1D, 0x0B, 0x00, 0x44, 0x65, 0x6C, 0x63, 0x61, 0x74, 0x74, 0x79, 0x37, 0x30, // [1] "Delcatty70"
        ];
        Assert.Equal(ProbeResult.Recognized, BacnetProbe.Recognize(datagram, Direction.ToServer));
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A })] // Modbus/TCP read
    [InlineData(new byte[] { 0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 })] // DNS query header
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x20, 0x01, 0x00, 0x10, 0x08 })]                          // length 32, datagram 8
    [InlineData(new byte[] { 0x81, 0x0A, 0x00, 0x08, 0x02, 0x00, 0x10, 0x08 })]                          // NPDU version 2
    [InlineData(new byte[] { 0x81, 0x02, 0x00, 0x06, 0x00, 0x00 })]                                      // Read-BDT with payload
    [InlineData(new byte[] { 0x81, 0x0C, 0x00, 0x06, 0x00, 0x00 })]                                      // Secure-BVLL: too opaque
    [InlineData(new byte[] { 0x81, 0x0A, 0x00 })]                                                        // shorter than BVLC
    public void Recognize_NotBacnet_Unrecognized(byte[] data)
        => Assert.Equal(ProbeResult.Unrecognized, BacnetProbe.Recognize(data, Direction.ToServer));
}
