using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.ProfinetRt;

namespace OtSensor.Protocols.Tests.Profinet;

public sealed class ProfinetDcpTests
{
    internal static RecordedMessage Decode(byte[] payload)
    {
        var sink = new RecordingSink();
        new ProfinetRtSession().OnFrame(payload, new MacAddress(0x00_0E_8C_01_02_03), new MacAddress(0x01_0E_CF_00_00_00), sink);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    internal static List<(IdentityField Field, string Value)> Identities(byte[] payload)
    {
        var sink = new ProfinetIdentitySink();
        new ProfinetRtSession().OnFrame(payload, default, default, sink);
        return sink.Identities;
    }

    [Fact]
    public void OnFrame_IdentifyAll_AllSelectorAndPaddingIgnored()
    {
        var m = Decode(ProfinetRtVectors.IdentifyAll);
        Assert.Equal((ProtocolId.ProfinetDcp, 5, "Identify", OtOperation.Discovery, false, 0UL), (m.Protocol, m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal((0xFEFE, 0, 42L, 128, 4, 1), (d.GetProperty("frameId").GetInt32(), d.GetProperty("serviceType").GetInt32(), d.GetProperty("xid").GetInt64(),
            d.GetProperty("responseDelay").GetInt32(), d.GetProperty("dcpDataLength").GetInt32(), d.GetProperty("blockCount").GetInt32()));
        Assert.True(d.GetProperty("allSelector").GetBoolean());
    }

    [Fact]
    public void OnFrame_IdentifyByName_NameIsAFilterNotIdentity()
    {
        var m = Decode(ProfinetRtVectors.IdentifyByName);
        Assert.Equal("io-device-7", m.Details.GetProperty("nameOfStation").GetString());
        Assert.Empty(Identities(ProfinetRtVectors.IdentifyByName));
    }

    [Fact]
    public void OnFrame_IdentifyResponse_DecodesEveryBlock()
    {
        var m = Decode(ProfinetRtVectors.IdentifyResponse);
        Assert.Equal((5, true, OtOperation.Discovery, 0UL), (m.Function, m.IsResponse, m.Operation, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("io-device-7", "S7-1500"), (d.GetProperty("nameOfStation").GetString(), d.GetProperty("deviceVendor").GetString()));
        Assert.Equal((0x002A, 0x010E, 1), (d.GetProperty("vendorId").GetInt32(), d.GetProperty("deviceId").GetInt32(), d.GetProperty("deviceRole").GetInt32()));
        Assert.Equal(("192.168.0.10", "255.255.255.0", "192.168.0.1", 1), (d.GetProperty("ip").GetString(), d.GetProperty("subnetMask").GetString(),
            d.GetProperty("gateway").GetString(), d.GetProperty("ipBlockInfo").GetInt32()));
        Assert.Equal(["nameOfStation", "deviceVendor", "deviceId", "deviceRole", "ipParameter"], d.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public void ReportIdentity_IdentifyResponse_NameModelProductCode()
    {
        Assert.Equal(
            [(IdentityField.Name, "io-device-7"), (IdentityField.Model, "S7-1500"), (IdentityField.ProductCode, "0x002a/0x010e")],
            Identities(ProfinetRtVectors.IdentifyResponse));
    }

    [Fact]
    public void OnFrame_Hello_DiscoveryWithIdentity()
    {
        var m = Decode(ProfinetRtVectors.Hello);
        Assert.Equal((6, "Hello", OtOperation.Discovery, false), (m.Function, m.FunctionName, m.Operation, m.IsResponse));
        Assert.Equal(("dev-a", "10.0.0.5"), (m.Details.GetProperty("nameOfStation").GetString(), m.Details.GetProperty("ip").GetString()));
        Assert.Equal([(IdentityField.Name, "dev-a")], Identities(ProfinetRtVectors.Hello));
    }

    [Fact]
    public void OnFrame_GetRequest_OptionListWithoutLengths()
    {
        var m = Decode(ProfinetRtVectors.GetRequest);
        Assert.Equal((3, "Get", OtOperation.Read, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        Assert.Equal(["nameOfStation", "ipParameter"], m.Details.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public void OnFrame_GetResponse_NameAndBlockError()
    {
        var m = Decode(ProfinetRtVectors.GetResponse);
        Assert.Equal((3, true, OtOperation.Read, 0UL), (m.Function, m.IsResponse, m.Operation, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("plc-1", 1, 2, 3), (d.GetProperty("nameOfStation").GetString(), d.GetProperty("responseOption").GetInt32(),
            d.GetProperty("responseSuboption").GetInt32(), d.GetProperty("responseError").GetInt32()));
        Assert.Equal([(IdentityField.Name, "plc-1")], Identities(ProfinetRtVectors.GetResponse));
    }

    [Fact]
    public void OnFrame_SetName_WriteWithoutIdentity()
    {
        var m = Decode(ProfinetRtVectors.SetName);
        Assert.Equal((4, "Set", OtOperation.Write, false, 0UL), (m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        Assert.Equal("new-name", m.Details.GetProperty("nameOfStation").GetString());
        Assert.Equal(["nameOfStation", "stop"], m.Details.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Empty(Identities(ProfinetRtVectors.SetName));
    }

    [Fact]
    public void OnFrame_SetResponse_WriteAnswered()
    {
        var m = Decode(ProfinetRtVectors.SetResponse);
        Assert.Equal((4, true, OtOperation.Write, 0UL), (m.Function, m.IsResponse, m.Operation, m.Anomalies));
        Assert.Equal((2, 2, 0), (m.Details.GetProperty("responseOption").GetInt32(), m.Details.GetProperty("responseSuboption").GetInt32(), m.Details.GetProperty("responseError").GetInt32()));
    }

    [Fact]
    public void OnFrame_SetResetToFactory_Restart()
    {
        var m = Decode(ProfinetRtVectors.SetResetToFactory);
        Assert.Equal((OtOperation.Restart, 0UL), (m.Operation, m.Anomalies));
        Assert.Equal(["resetToFactory"], m.Details.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public void OnFrame_SetSignal_Control()
    {
        var m = Decode(ProfinetRtVectors.SetSignal);
        Assert.Equal((OtOperation.Control, 0x0100), (m.Operation, m.Details.GetProperty("signalValue").GetInt32()));
    }

    [Fact]
    public void OnFrame_HelloWithoutName_NoAnomalyNoNameIdentity()
    {
        byte[] hello =
        [
            0xFE, 0xFC,             // FrameID: DCP Hello
            0x06, 0x00,             // ServiceID Hello, ServiceType request
            0x00, 0x00, 0x00, 0x01, // Xid
            0x00, 0x00,             // Reserved
            0x00, 0x06,             // DCPDataLength: 6
            0x02, 0x02, 0x00, 0x02, // NameOfStation (2/2), DCPBlockLength 2
            0x00, 0x00,             // BlockInfo; no name assigned yet (factory state)
        ];
        var m = Decode(hello);
        Assert.Equal(0UL, m.Anomalies);
        Assert.Equal("", m.Details.GetProperty("nameOfStation").GetString());
        Assert.Empty(Identities(hello));
    }
}
