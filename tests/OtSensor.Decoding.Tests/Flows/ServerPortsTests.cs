using OtSensor.Decoding.Flows;

namespace OtSensor.Decoding.Tests.Flows;

public class ServerPortsTests
{
    [Theory]
    [InlineData(502, 50000, true)]      // Modbus/TCP answering
    [InlineData(50000, 502, false)]
    [InlineData(44818, 1025, true)]     // EtherNet/IP is in the ICS list although above 1023
    [InlineData(2404, 3000, true)]      // IEC 104
    [InlineData(20000, 60000, true)]    // DNP3
    [InlineData(8080, 51000, true)]     // neither well known: lower port
    [InlineData(51000, 8080, false)]
    [InlineData(102, 443, true)]        // both well known: lower port
    [InlineData(47808, 47808, false)]   // equal: the first sender is the client
    public void IsSourceServer_PortPair_PicksServiceOrLowerPort(int sourcePort, int destinationPort, bool expected)
        => Assert.Equal(expected, ServerPorts.IsSourceServer((ushort)sourcePort, (ushort)destinationPort));

    [Theory]
    [InlineData(1023, true)]
    [InlineData(1024, false)]
    [InlineData(4840, true)]
    [InlineData(47808, true)]
    [InlineData(49152, false)]
    public void IsServicePort_Port_Classified(int port, bool expected)
        => Assert.Equal(expected, ServerPorts.IsServicePort((ushort)port));
}
