using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;

namespace OtSensor.Protocols.Tests.Bacnet;

public sealed class BacnetParserTests
{
    internal static RecordedMessage Parse(byte[] datagram, Direction direction = Direction.ToServer)
    {
        var sink = new RecordingSink();
        new BacnetSession().OnDatagram(datagram, direction, sink);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void OnDatagram_WhoIs_LimitsAndDiscovery()
    {
        var m = Parse(BacnetVectors.WhoIs);
        Assert.Equal((8, "who-Is", OtOperation.Discovery, false, 0UL), (m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(1, d.GetProperty("pduType").GetInt32());
        Assert.Equal(11, d.GetProperty("bvlcFunction").GetInt32());
        Assert.Equal(65535, d.GetProperty("dnet").GetInt32());
        Assert.Equal(255, d.GetProperty("hopCount").GetInt32());
        Assert.Equal((100, 200), (d.GetProperty("lowLimit").GetInt32(), d.GetProperty("highLimit").GetInt32()));
    }

    [Fact]
    public void OnDatagram_IAm_DeviceMaxApduVendor()
    {
        var m = Parse(BacnetVectors.IAm);
        Assert.Equal((0, "i-Am", OtOperation.Identification, true, 0UL), (m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(123, d.GetProperty("deviceInstance").GetInt32());
        Assert.Equal(1476, d.GetProperty("maxApduAccepted").GetInt32());
        Assert.Equal("no-segmentation", d.GetProperty("segmentationSupported").GetString());
        Assert.Equal(5, d.GetProperty("vendorId").GetInt32());
        Assert.Equal("Johnson Controls, Inc.", d.GetProperty("vendorName").GetString());
    }

    [Fact]
    public void ReportIdentity_IAmKnownVendor_ReportsVendorName()
    {
        var identities = Identities(BacnetVectors.IAm);
        Assert.Equal([(IdentityField.Vendor, "Johnson Controls, Inc.")], identities);
    }

    [Fact]
    public void OnDatagram_RoutedIAm_SourceNetworkAndAddress()
    {
        var d = Parse(BacnetVectors.RoutedIAm).Details;
        Assert.Equal(5, d.GetProperty("snet").GetInt32());
        Assert.Equal("0a", d.GetProperty("sadr").GetString());
        Assert.False(d.TryGetProperty("dnet", out _));
        Assert.Equal(123, d.GetProperty("deviceInstance").GetInt32());
    }

    [Fact]
    public void OnDatagram_WhoHasByName_Discovery()
    {
        var m = Parse(BacnetVectors.WhoHasName);
        Assert.Equal((7, "who-Has", OtOperation.Discovery, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
    }

    [Fact]
    public void OnDatagram_IHave_DeviceAndObject()
    {
        var m = Parse(BacnetVectors.IHave);
        Assert.Equal((1, "i-Have", OtOperation.Identification, true, 0UL), (m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(123, d.GetProperty("deviceInstance").GetInt32());
        Assert.Equal(("analog-input", 3), (d.GetProperty("objectTypeName").GetString(), d.GetProperty("objectInstance").GetInt32()));
    }

    [Fact]
    public void OnDatagram_ReadPropertyRequest_ObjectAndProperty()
    {
        var m = Parse(BacnetVectors.ReadPropertyRequest);
        Assert.Equal((12, "readProperty", OtOperation.Read, false, 0UL), (m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(0, d.GetProperty("pduType").GetInt32());
        Assert.Equal(1, d.GetProperty("invokeId").GetInt32());
        Assert.True(d.GetProperty("expectingReply").GetBoolean());
        Assert.Equal((8, 123), (d.GetProperty("objectType").GetInt32(), d.GetProperty("objectInstance").GetInt32()));
        Assert.Equal((77, "object-name"), (d.GetProperty("propertyId").GetInt32(), d.GetProperty("propertyName").GetString()));
    }

    [Fact]
    public void ReportIdentity_ReadPropertyAckObjectName_ReportsName()
    {
        var m = Parse(BacnetVectors.ReadPropertyAckObjectName, Direction.ToClient);
        Assert.Equal((12, true, 0UL), (m.Function, m.IsResponse, m.Anomalies));
        Assert.Equal(3, m.Details.GetProperty("pduType").GetInt32());
        Assert.Equal([(IdentityField.Name, "AHU1")], Identities(BacnetVectors.ReadPropertyAckObjectName));
    }

    [Fact]
    public void ReportIdentity_ReadPropertyAckUcs2Model_TranscodesToUtf8()
        => Assert.Equal([(IdentityField.Model, "M1")], Identities(BacnetVectors.ReadPropertyAckModelUcs2));

    [Fact]
    public void OnDatagram_ReadPropertyMultipleRequest_CountsProperties()
    {
        var m = Parse(BacnetVectors.ReadPropertyMultipleRequest);
        Assert.Equal((14, "readPropertyMultiple", OtOperation.Read, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        var d = m.Details;
        Assert.True(d.GetProperty("segmentedResponseAccepted").GetBoolean());
        Assert.Equal(2, d.GetProperty("propertyCount").GetInt32());
        Assert.Equal(77, d.GetProperty("propertyId").GetInt32());
    }

    [Fact]
    public void ReportIdentity_ReadPropertyMultipleAck_ReportsEveryIdentityValue()
    {
        var m = Parse(BacnetVectors.ReadPropertyMultipleAck, Direction.ToClient);
        Assert.Equal((14, 0UL), (m.Function, m.Anomalies));
        Assert.Equal([(IdentityField.Name, "N"), (IdentityField.Firmware, "F")], Identities(BacnetVectors.ReadPropertyMultipleAck));
    }

    [Fact]
    public void OnDatagram_WritePropertyAndAck_WriteWithPriority()
    {
        var request = Parse(BacnetVectors.WritePropertyRequest);
        Assert.Equal((15, "writeProperty", OtOperation.Write, 0UL), (request.Function, request.FunctionName, request.Operation, request.Anomalies));
        Assert.Equal((2, 1, 85), (request.Details.GetProperty("objectType").GetInt32(), request.Details.GetProperty("objectInstance").GetInt32(), request.Details.GetProperty("propertyId").GetInt32()));
        var ack = Parse(BacnetVectors.WritePropertyAck, Direction.ToClient);
        Assert.Equal((15, OtOperation.Write, true, 0UL), (ack.Function, ack.Operation, ack.IsResponse, ack.Anomalies));
        Assert.Equal(2, ack.Details.GetProperty("pduType").GetInt32());
    }

    [Fact]
    public void OnDatagram_ReinitializeWarmstart_Restart()
    {
        var m = Parse(BacnetVectors.ReinitializeWarmstart);
        Assert.Equal((20, "reinitializeDevice", OtOperation.Restart, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        Assert.Equal("warmstart", m.Details.GetProperty("reinitializeStateName").GetString());
    }

    [Fact]
    public void OnDatagram_ReinitializeStartBackup_ProgramUpload()
    {
        byte[] backup = [.. BacnetVectors.ReinitializeWarmstart];
        backup[11] = 0x02; // [0] state 2 start-backup
        Assert.Equal(OtOperation.ProgramUpload, Parse(backup).Operation);
    }

    [Fact]
    public void OnDatagram_CommunicationControlDisable_Control()
    {
        var m = Parse(BacnetVectors.CommunicationControlDisable);
        Assert.Equal((17, OtOperation.Control, 0UL), (m.Function, m.Operation, m.Anomalies));
        Assert.Equal(("disable", 60), (m.Details.GetProperty("communicationStateName").GetString(), m.Details.GetProperty("durationMinutes").GetInt32()));
    }

    [Fact]
    public void OnDatagram_SubscribeCov_ReadWithProcessAndObject()
    {
        var m = Parse(BacnetVectors.SubscribeCov);
        Assert.Equal((5, "subscribeCOV", OtOperation.Read, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        Assert.Equal((18, 0, 3), (m.Details.GetProperty("processId").GetInt32(), m.Details.GetProperty("objectType").GetInt32(), m.Details.GetProperty("objectInstance").GetInt32()));
    }

    [Fact]
    public void OnDatagram_AtomicFiles_ProgramDownloadAndUpload()
    {
        var write = Parse(BacnetVectors.AtomicWriteFile);
        Assert.Equal((7, OtOperation.ProgramDownload, 0UL), (write.Function, write.Operation, write.Anomalies));
        Assert.Equal("file", write.Details.GetProperty("objectTypeName").GetString());
        var read = Parse(BacnetVectors.AtomicReadFile);
        Assert.Equal((6, OtOperation.ProgramUpload, 0UL), (read.Function, read.Operation, read.Anomalies));
    }

    [Fact]
    public void OnDatagram_Error_ClassAndCodeWithService()
    {
        var m = Parse(BacnetVectors.ReadPropertyError, Direction.ToClient);
        Assert.Equal((12, true, 0UL), (m.Function, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(5, d.GetProperty("pduType").GetInt32());
        Assert.Equal(("property", 32), (d.GetProperty("errorClassName").GetString(), d.GetProperty("errorCode").GetInt32()));
    }

    [Fact]
    public void OnDatagram_RejectAndAbort_ReasonsWithoutFunction()
    {
        var reject = Parse(BacnetVectors.Reject, Direction.ToClient);
        Assert.Equal((-1, true, 0UL), (reject.Function, reject.IsResponse, reject.Anomalies));
        Assert.Equal((6, 9, "unrecognized-service"), (reject.Details.GetProperty("pduType").GetInt32(), reject.Details.GetProperty("rejectReason").GetInt32(), reject.Details.GetProperty("reasonName").GetString()));
        var abort = Parse(BacnetVectors.AbortFromServer, Direction.ToClient);
        Assert.Equal((-1, true), (abort.Function, abort.IsResponse));
        Assert.Equal((7, "segmentation-not-supported"), (abort.Details.GetProperty("pduType").GetInt32(), abort.Details.GetProperty("reasonName").GetString()));
        Assert.True(abort.Details.GetProperty("fromServer").GetBoolean());
    }

    [Fact]
    public void OnDatagram_SegmentAck_SequenceAndWindow()
    {
        var m = Parse(BacnetVectors.SegmentAck);
        Assert.Equal((-1, false, 0UL), (m.Function, m.IsResponse, m.Anomalies));
        Assert.Equal((4, 1, 4), (m.Details.GetProperty("pduType").GetInt32(), m.Details.GetProperty("sequenceNumber").GetInt32(), m.Details.GetProperty("windowSize").GetInt32()));
    }

    [Fact]
    public void OnDatagram_SegmentedAck_EverySegmentCountsItsServiceWithoutAnomaly()
    {
        var first = Parse(BacnetVectors.SegmentedAckFirst, Direction.ToClient);
        Assert.Equal((14, 0UL), (first.Function, first.Anomalies));
        Assert.True(first.Details.GetProperty("segmented").GetBoolean());
        Assert.True(first.Details.GetProperty("moreFollows").GetBoolean());
        Assert.Equal(76, first.Details.GetProperty("propertyId").GetInt32());
        var last = Parse(BacnetVectors.SegmentedAckLast, Direction.ToClient);
        Assert.Equal((14, 0UL), (last.Function, last.Anomalies));
        Assert.Equal(1, last.Details.GetProperty("sequenceNumber").GetInt32());
        Assert.False(last.Details.TryGetProperty("objectType", out _));
    }

    [Theory]
    [InlineData(nameof(BacnetVectors.BvlcResultNak), 0, "bvlcResult", 0x30)]
    [InlineData(nameof(BacnetVectors.RegisterForeignDevice), 5, "foreignDeviceTtl", 60)]
    [InlineData(nameof(BacnetVectors.ReadBdtAck), 3, "tableEntries", 1)]
    [InlineData(nameof(BacnetVectors.ReadFdtAck), 7, "tableEntries", 1)]
    public void OnDatagram_BvlcOnly_RecordWithoutFunction(string vector, int bvlcFunction, string key, int value)
    {
        var m = Parse(Vector(vector));
        Assert.Equal((-1, null, 0UL), (m.Function, m.FunctionName, m.Anomalies));
        var d = m.Details;
        Assert.False(d.TryGetProperty("pduType", out _));
        Assert.Equal(bvlcFunction, d.GetProperty("bvlcFunction").GetInt32());
        Assert.Equal(value, d.GetProperty(key).GetInt32());
    }

    [Fact]
    public void OnDatagram_ReadBdtAndDeleteFdtEntry_ReadAndWrite()
    {
        Assert.Equal((OtOperation.Read, 0UL), (Parse(BacnetVectors.ReadBdt).Operation, Parse(BacnetVectors.ReadBdt).Anomalies));
        Assert.Equal((OtOperation.Write, 0UL), (Parse(BacnetVectors.DeleteFdtEntry).Operation, Parse(BacnetVectors.DeleteFdtEntry).Anomalies));
    }

    [Fact]
    public void OnDatagram_ForwardedNpdu_OriginalSourceAndService()
    {
        var m = Parse(BacnetVectors.ForwardedWhoIs);
        Assert.Equal((8, 0UL), (m.Function, m.Anomalies));
        Assert.Equal("192.168.1.10:47808", m.Details.GetProperty("originalSource").GetString());
    }

    [Fact]
    public void OnDatagram_NetworkLayerMessage_NoFunctionButMessageType()
    {
        var m = Parse(BacnetVectors.WhoIsRouterToNetwork);
        Assert.Equal((-1, OtOperation.Discovery, 0UL), (m.Function, m.Operation, m.Anomalies));
        Assert.Equal("Who-Is-Router-To-Network", m.Details.GetProperty("networkMessageName").GetString());
    }

    [Fact]
    public void OnDatagram_UnconfirmedCovNotification_DeviceAndObject()
    {
        var m = Parse(BacnetVectors.UnconfirmedCovNotification);
        Assert.Equal((2, "unconfirmedCOVNotification", OtOperation.Read, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        var d = m.Details;
        Assert.Equal((18, 123), (d.GetProperty("processId").GetInt32(), d.GetProperty("deviceInstance").GetInt32()));
        Assert.Equal((0, 3), (d.GetProperty("objectType").GetInt32(), d.GetProperty("objectInstance").GetInt32()));
    }

    [Fact]
    public void OnDatagram_AcknowledgeAlarm_ControlOnEventObject()
    {
        var m = Parse(BacnetVectors.AcknowledgeAlarm);
        Assert.Equal((0, "acknowledgeAlarm", OtOperation.Control, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        Assert.Equal((1, 0, 3), (m.Details.GetProperty("processId").GetInt32(), m.Details.GetProperty("objectType").GetInt32(), m.Details.GetProperty("objectInstance").GetInt32()));
    }

    internal static byte[] Vector(string name) => (byte[])typeof(BacnetVectors).GetField(name)!.GetValue(null)!;

    private static List<(IdentityField, string)> Identities(byte[] datagram)
    {
        var sink = new IdentitySink();
        new BacnetSession().OnDatagram(datagram, Direction.ToClient, sink);
        return sink.Identities;
    }
}
