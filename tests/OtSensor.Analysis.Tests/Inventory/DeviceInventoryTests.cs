using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Protocols.Modbus;

namespace OtSensor.Analysis.Tests.Inventory;

/// <summary>Device merging on shared MACs, broadcast and internet addresses, and port labels of undecoded flows.</summary>
public sealed class DeviceInventoryTests
{
    private static readonly Timestamp T0 = Timestamp.FromSeconds(1_700_000_000, 0);
    private static readonly MacAddress PlcMac = new(0x000E8C_112233UL);     // Siemens AG
    private static readonly MacAddress RouterMac = new(0x00000C_07AC01UL);  // Cisco
    private static readonly MacAddress HmiMac = new(0x001D9C_C513DDUL);

    // Modbus/TCP Read Holding Registers request: MBAP (transaction 1, protocol 0, length 6, unit 1), function 3,
    // start 0, quantity 10.
    private static readonly byte[] ReadHoldingRegisters =
    [
        0x00, 0x01, // transaction id
        0x00, 0x00, // protocol id
        0x00, 0x06, // length
        0x01,       // unit id
        0x03,       // function: read holding registers
        0x00, 0x00, // start address
        0x00, 0x0A, // quantity
    ];

    private static IPAddressBytes IP(string text)
    {
        Assert.True(IPAddressBytes.TryParse(text, out var address));
        return address;
    }

    [Fact]
    public void Complete_MacOnlyDeviceThenArp_MergedIntoOneDevice()
    {
        var inventory = new DeviceInventory();
        var layer2 = inventory.GetOrAddByMac(PlcMac, T0)!;    // e.g. a GOOSE publisher seen first
        inventory.ObserveArp(IP("10.0.0.5"), PlcMac, T0);      // then its IP appears
        Assert.Equal(2, inventory.Devices.Count);
        inventory.Complete();
        var device = Assert.Single(inventory.Devices);
        Assert.Equal([IP("10.0.0.5")], device.Addresses);
        Assert.Equal([PlcMac], device.Macs);
        Assert.Same(device, layer2.MergedInto);
        Assert.Equal("Siemens AG", device.Evidence.Value(DeviceAttribute.Vendor));
        Assert.Equal("oui", device.Evidence[DeviceAttribute.Vendor].Source);
    }

    [Fact]
    public void GetOrAddByMac_AfterArp_IsTheIPDevice()
    {
        var inventory = new DeviceInventory();
        inventory.ObserveArp(IP("10.0.0.5"), PlcMac, T0);
        var device = inventory.GetOrAddByMac(PlcMac, T0);
        inventory.Complete();
        Assert.Same(Assert.Single(inventory.Devices), device);
    }

    [Fact]
    public void Complete_MacOnlyDeviceAndFlowBoundIP_MergedWhenTheOnlyIPOnTheMac()
    {
        var inventory = new DeviceInventory();
        inventory.GetOrAddByMac(PlcMac, T0);
        var state = new FlowDevices();
        inventory.OpenFlow(state, IP("10.0.0.9"), HmiMac, IP("10.0.0.5"), PlcMac, 102, T0);
        inventory.Complete();
        Assert.Equal(2, inventory.Devices.Count);
        var plc = inventory.Devices.Single(d => d.Macs.Contains(PlcMac));
        Assert.Equal([IP("10.0.0.5")], plc.Addresses);
        Assert.Single(inventory.Connections);
    }

    [Fact]
    public void Complete_DualAddressesAnnouncedByArp_OneDeviceTwoAddresses()
    {
        var inventory = new DeviceInventory();
        inventory.ObserveArp(IP("192.168.1.10"), PlcMac, T0);
        inventory.ObserveArp(IP("192.168.2.10"), PlcMac, T0);
        var hmi = new FlowDevices();
        inventory.OpenFlow(hmi, IP("192.168.1.20"), HmiMac, IP("192.168.2.10"), PlcMac, 502, T0);
        var other = new FlowDevices();
        inventory.OpenFlow(other, IP("192.168.1.20"), HmiMac, IP("192.168.1.10"), PlcMac, 502, T0);
        inventory.Complete();
        Assert.Equal(2, inventory.Devices.Count);
        var plc = inventory.Devices.Single(d => d.Macs.Contains(PlcMac));
        Assert.Equal(2, plc.Addresses.Count);
        // The two connections HMI↔.1.10 and HMI↔.2.10 are one connection between the two devices now.
        var connection = Assert.Single(inventory.Connections);
        Assert.Equal(2, connection.Flows);
        Assert.True(inventory.TryGet(IP("192.168.2.10"), out var found) && ReferenceEquals(found, plc));
    }

    [Fact]
    public void Complete_RouterMacCarryingOffSubnetAddresses_NotMerged()
    {
        var inventory = new DeviceInventory();
        inventory.ObserveArp(IP("10.0.0.1"), RouterMac, T0); // the router's own address
        for (int i = 1; i <= 5; i++)
        {
            // Hosts of another subnet reach 10.0.0.9 through the router: their frames carry the router's MAC.
            var state = new FlowDevices();
            inventory.OpenFlow(state, IP($"10.0.1.{i}"), RouterMac, IP("10.0.0.9"), HmiMac, 502, T0);
        }
        inventory.Complete();
        Assert.Equal(7, inventory.Devices.Count);
        Assert.All(inventory.Devices, d => Assert.Single(d.Addresses));
        // The router's vendor is not given to the hosts behind it.
        var behind = inventory.Devices.Single(d => d.Address == IP("10.0.1.3"));
        Assert.Null(behind.Evidence.Value(DeviceAttribute.Vendor));
    }

    [Fact]
    public void Complete_ProxyArpForManyAddresses_NotMerged()
    {
        var inventory = new DeviceInventory();
        for (int i = 1; i <= DeviceMerger.MaxDualAddresses + 2; i++) inventory.ObserveArp(IP($"10.0.0.{i}"), RouterMac, T0);
        inventory.Complete();
        Assert.Equal(DeviceMerger.MaxDualAddresses + 2, inventory.Devices.Count);
    }

    [Fact]
    public void OpenFlow_BroadcastAndMulticast_NeverDevices()
    {
        var inventory = new DeviceInventory();
        inventory.OpenFlow(new FlowDevices(), IP("10.0.0.5"), PlcMac, IP("10.0.0.255"), new MacAddress(0x001D9C_000001UL), 47808, T0); // .255: directed broadcast
        inventory.OpenFlow(new FlowDevices(), IP("10.0.0.5"), PlcMac, IP("10.0.3.127"), MacAddress.Broadcast, 47808, T0);          // broadcast MAC, /25 broadcast
        inventory.OpenFlow(new FlowDevices(), IP("10.0.0.5"), PlcMac, IP("239.192.0.1"), new MacAddress(0x01005E_400001UL), 5000, T0);
        inventory.OpenFlow(new FlowDevices(), IP("10.0.0.5"), PlcMac, IP("255.255.255.255"), MacAddress.Broadcast, 67, T0);
        Assert.Null(inventory.GetOrAddByMac(new MacAddress(0x01005E_400001UL), T0));
        inventory.Complete();
        Assert.Equal([IP("10.0.0.5")], inventory.Devices.Select(d => d.Address));
    }

    [Fact]
    public void CloseFlow_BroadcastMacServerThatAnswers_BecomesDevice()
    {
        // Made-up captures address every frame to ff:ff:ff:ff:ff:ff; a server that answers is a host all the same.
        var inventory = new DeviceInventory();
        var state = new FlowDevices();
        inventory.OpenFlow(state, IP("192.168.1.100"), HmiMac, IP("192.168.1.63"), MacAddress.Broadcast, 20000, T0);
        Assert.Null(state.Server); // .63 can be a /26 broadcast: a device only once it answers
        DeviceInventory.ObservePacket(state, fromClient: true, T0, 60);
        DeviceInventory.ObservePacket(state, fromClient: false, T0, 60);
        inventory.CloseFlow(state);
        inventory.Complete();
        Assert.Equal(2, inventory.Devices.Count);
        Assert.Single(inventory.Connections);
        Assert.Empty(inventory.Devices.Single(d => d.Address == IP("192.168.1.63")).Macs);
    }

    [Fact]
    public void OpenFlow_BroadcastMacToAnOrdinaryHostAddress_IsADevice()
    {
        // suricata-verify dnp3 traces send every frame to ff:ff:ff:ff:ff:ff; 192.168.1.200 cannot be a subnet broadcast.
        var inventory = new DeviceInventory();
        var state = new FlowDevices();
        inventory.OpenFlow(state, IP("192.168.1.100"), HmiMac, IP("192.168.1.200"), MacAddress.Broadcast, 20000, T0);
        Assert.NotNull(state.Server);
        Assert.Empty(state.Server.Macs);
    }

    [Fact]
    public void OpenFlow_PublicAddress_MarkedInternetWithoutTheRoutersMac()
    {
        var inventory = new DeviceInventory();
        inventory.OpenFlow(new FlowDevices(), IP("10.0.0.5"), PlcMac, IP("8.8.8.8"), RouterMac, 443, T0);
        inventory.Complete();
        var remote = inventory.Devices.Single(d => d.Address == IP("8.8.8.8"));
        Assert.True(remote.IsInternet);
        Assert.Empty(remote.Macs);
        Assert.Equal("Internet", remote.Evidence.Value(DeviceAttribute.Type));
        Assert.False(inventory.Devices.Single(d => d.Address == IP("10.0.0.5")).IsInternet);
    }

    [Fact]
    public void CloseFlow_UndecodedFlowOnIndustrialPort_LabelsServerAndConnection()
    {
        var inventory = new DeviceInventory();
        var state = new FlowDevices();
        inventory.OpenFlow(state, IP("10.0.0.9"), HmiMac, IP("10.0.0.5"), PlcMac, 2455, T0);
        for (int i = 0; i < 3; i++) DeviceInventory.ObservePacket(state, fromClient: i != 1, T0, 60);
        var server = state.Server!;
        var connection = state.Connection!;
        inventory.CloseFlow(state);
        inventory.Complete();
        Assert.Equal("codesys", Assert.Single(server.PortServices).Label);
        Assert.Equal("codesys", Assert.Single(connection.PortLabels).Label);
        Assert.Equal(("PLC", "plc-by-port"), (server.Evidence.Value(DeviceAttribute.Type), server.Evidence[DeviceAttribute.Type].Detail));
        Assert.Equal(30, server.Evidence[DeviceAttribute.Type].Confidence);
    }

    [Fact]
    public void CloseFlow_RefusedConnection_NoLabel()
    {
        var inventory = new DeviceInventory();
        var state = new FlowDevices();
        inventory.OpenFlow(state, IP("10.0.0.9"), HmiMac, IP("10.0.0.5"), PlcMac, 20000, T0);
        DeviceInventory.ObservePacket(state, fromClient: true, T0, 60);  // SYN
        DeviceInventory.ObservePacket(state, fromClient: false, T0, 60); // RST
        var server = state.Server!;
        inventory.CloseFlow(state);
        Assert.Empty(server.PortServices);
    }

    [Fact]
    public void CloseFlow_DecodedFlow_NoPortLabel()
    {
        var inventory = new DeviceInventory();
        var state = new FlowDevices();
        inventory.OpenFlow(state, IP("10.0.0.9"), HmiMac, IP("10.0.0.5"), PlcMac, 502, T0);
        for (int i = 0; i < 4; i++) DeviceInventory.ObservePacket(state, fromClient: i % 2 == 0, T0, 66);
        Assert.True(ModbusParser.TryParse(ReadHoldingRegisters, Direction.ToServer, out var request));
        inventory.ObservePdu(state, senderIsFlowClient: true, fromClient: true, in request);
        var (client, server, connection) = (state.Client!, state.Server!, state.Connection!);
        inventory.CloseFlow(state);
        inventory.Complete();
        Assert.Empty(server.PortServices);
        Assert.Empty(connection.PortLabels);
        Assert.True(client.IsClientOf(ProtocolId.Modbus) && server.IsServerOf(ProtocolId.Modbus));
        Assert.Equal("PLC", server.Evidence.Value(DeviceAttribute.Type));
        Assert.Equal("HMI", client.Evidence.Value(DeviceAttribute.Type));
    }

    [Fact]
    public void State_NamingProtocolStatement_PlugsIntoTheEvidence()
    {
        var inventory = new DeviceInventory();
        var device = inventory.GetOrAdd(IP("10.0.0.5"), T0)!;
        Assert.True(DeviceInventory.State(device, DeviceAttribute.Name, "plc-line-1", "dhcp.request", "DHCP option 12", EvidenceConfidence.NamingProtocol));
        Assert.False(DeviceInventory.State(device, DeviceAttribute.Name, "guess", "port", null, EvidenceConfidence.Port));
        Assert.Equal("plc-line-1", device.Evidence.Value(DeviceAttribute.Name));
    }
}
