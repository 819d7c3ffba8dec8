using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Dnp3;

namespace OtSensor.Protocols.Tests.Dnp3;

public class Dnp3ParserTests
{
    [Fact]
    public void Parse_ReadClass1_RequestWithAddressesAndClassObject()
    {
        var m = Dnp3TestParse.Single(Dnp3Vectors.ReadClass1Request);
        Assert.Equal(1, m.Function);
        Assert.Equal("Read", m.FunctionName);
        Assert.False(m.IsResponse);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.Equal(0UL, m.Anomalies);
        var d = m.Details;
        Assert.Equal(4, d.GetProperty("dnp3Src").GetInt32());
        Assert.Equal(3, d.GetProperty("dnp3Dst").GetInt32());
        Assert.True(d.GetProperty("fromMaster").GetBoolean());
        var obj = Assert.Single(d.GetProperty("objects").EnumerateArray());
        Assert.Equal(60, obj.GetProperty("group").GetInt32());
        Assert.Equal(2, obj.GetProperty("variation").GetInt32());
        Assert.Equal(6, obj.GetProperty("qualifier").GetInt32());
    }

    [Fact]
    public void Parse_CrobDirectOperateNoAck_ControlWithPoint()
    {
        var m = Dnp3TestParse.Single(Dnp3Vectors.DirectOperateNoAckCrob);
        Assert.Equal(6, m.Function);
        Assert.Equal(OtOperation.Control, m.Operation);
        Assert.Equal(0UL, m.Anomalies);
        var control = Assert.Single(m.Details.GetProperty("controls").EnumerateArray());
        Assert.Equal(1, control.GetProperty("index").GetInt32());
        Assert.Equal("latch_on", control.GetProperty("operation").GetString());
        Assert.Equal("nul", control.GetProperty("tripClose").GetString());
        Assert.Equal(100, control.GetProperty("onTime").GetInt32());
        Assert.Equal(100, control.GetProperty("offTime").GetInt32());
    }

    [Fact]
    public void Parse_AnalogOutputDirectOperate_ValueAndPoint()
    {
        var m = Dnp3TestParse.Single(Dnp3Vectors.DirectOperateAnalogOutput);
        Assert.Equal(5, m.Function);
        Assert.Equal(OtOperation.Control, m.Operation);
        var output = Assert.Single(m.Details.GetProperty("analogOutputs").EnumerateArray());
        Assert.Equal(1, output.GetProperty("index").GetInt32());
        Assert.Equal(0, output.GetProperty("value").GetInt32());
    }

    [Fact]
    public void Parse_WriteTime_TimeSyncWithTimestamp()
    {
        var m = Dnp3TestParse.Single(Dnp3Vectors.WriteLastRecordedTime);
        Assert.Equal(2, m.Function);
        Assert.Equal(OtOperation.TimeSync, m.Operation);
        var expected = DateTime.UnixEpoch.AddMilliseconds(0x014C52830D9F);
        Assert.Equal(expected, m.Details.GetProperty("time").GetDateTime());
    }

    [Fact]
    public void Parse_WarmRestartAndResponse_RestartPairedWithIin()
    {
        var sink = Dnp3TestParse.Run(Dnp3Vectors.WarmRestartRequest, Dnp3Vectors.WarmRestartResponse);
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(OtOperation.Restart, sink.Messages[0].Operation);
        var response = sink.Messages[1];
        Assert.True(response.IsResponse);
        Assert.Equal(129, response.Function);
        Assert.Equal(14, response.Details.GetProperty("requestFunction").GetInt32());
        Assert.Equal(1, response.Details.GetProperty("iin").GetInt32());
        Assert.Equal(["no_func_code_support"], response.Details.GetProperty("iinFlags").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Parse_UnsolicitedResponse_IsResponseWithUnsBit()
    {
        var m = Dnp3TestParse.Single(Dnp3Vectors.UnsolicitedResponse);
        Assert.Equal(130, m.Function);
        Assert.True(m.IsResponse);
        Assert.True(m.Details.GetProperty("uns").GetBoolean());
        Assert.False(m.Details.TryGetProperty("requestFunction", out _));
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_SecureAuthenticationRequest_Recognised()
    {
        var m = Dnp3TestParse.Single(Dnp3Vectors.AuthenticationRequest);
        Assert.Equal(32, m.Function);
        Assert.Equal(OtOperation.Authentication, m.Operation);
        Assert.Equal("session_key_status_request", m.Details.GetProperty("saMessage").GetString());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_DeleteFile_FileNameFromCommandObject()
    {
        var m = Dnp3TestParse.Master(Dnp3Vectors.DeleteFileFragment);
        Assert.Equal(27, m.Function);
        Assert.Equal(OtOperation.Write, m.Operation);
        Assert.Equal("./helloworld.txt", m.Details.GetProperty("fileName").GetString());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_DeviceAttributesResponse_ReportsIdentityAndAttributes()
    {
        var m = Dnp3TestParse.Outstation(Dnp3Vectors.DeviceAttributesFragment);
        var attributes = m.Details.GetProperty("deviceAttributes");
        Assert.Equal("ACME", attributes.GetProperty("manufacturer_name").GetString());
        Assert.Equal("RTU-5", attributes.GetProperty("product_name").GetString());
        Assert.Equal("1.2.3", attributes.GetProperty("software_version").GetString());
        Assert.Equal(2048, attributes.GetProperty("max_tx_fragment_size").GetInt32());

        var link = new Dnp3LinkHeader(0, Dnp3Frames.FromOutstation, 1, 10);
        var message = Dnp3Parser.Parse(Dnp3Vectors.DeviceAttributesFragment, in link, 1, crcError: false);
        Assert.True(message.HasIdentity);
        var receiver = new IdentityCollector();
        message.ReportIdentity(receiver);
        Assert.Equal(["Vendor=ACME", "Model=RTU-5", "Firmware=1.2.3"], receiver.Fields);
    }

    [Fact]
    public void Parse_ReadAttributesRequest_IdentificationWithoutIdentity()
    {
        var m = Dnp3TestParse.Master(Dnp3Vectors.ReadAttributesFragment);
        Assert.Equal(OtOperation.Identification, m.Operation);
        var link = new Dnp3LinkHeader(0, Dnp3Frames.FromMaster, 10, 1);
        Assert.False(Dnp3Parser.Parse(Dnp3Vectors.ReadAttributesFragment, in link, 1, crcError: false).HasIdentity);
    }

    [Fact]
    public void Parse_EveryFunctionCode_NamedOrFlaggedUnknown()
    {
        for (int fc = 0; fc < 256; fc++)
        {
            bool response = fc >= 129;
            var link = new Dnp3LinkHeader(0, response ? Dnp3Frames.FromOutstation : Dnp3Frames.FromMaster, 1, 2);
            byte[] fragment = response ? [0xC0, (byte)fc, 0x00, 0x00] : [0xC0, (byte)fc];
            var m = Dnp3Parser.Parse(fragment, in link, 1, crcError: false);
            Assert.Equal(fc, m.Function);
            bool known = fc is <= 33 or 129 or 130 or 131;
            Assert.Equal(known, m.FunctionName is not null);
            Assert.Equal(!known, (m.AnomalyFlags & Dnp3Anomalies.UnknownFunction) != 0);
        }
    }

    [Fact]
    public void Parse_TruncatedObjectHeader_Flagged()
    {
        var m = Dnp3TestParse.Master([
            0xC0, 0x01,             // application control, Read
            0x1E, 0x01,             // g30v1 … qualifier missing
        ]);
        Assert.Contains("object_header_truncated", m.AnomalyNames);
    }

    [Fact]
    public void Parse_RangeLongerThanData_ObjectDataTruncated()
    {
        var m = Dnp3TestParse.Outstation([
            0xC0, 0x81, 0x00, 0x00, // application control, Response, IIN
            0x1E, 0x04, 0x00,       // g30v4, qualifier 0x00 (1-octet start/stop)
            0x00, 0x09,             // start 0, stop 9: ten 2-octet values announced
            0x01, 0x00, 0x02, 0x00, // only two sent
        ]);
        Assert.Contains("object_data_truncated", m.AnomalyNames);
        Assert.Equal(10, m.Details.GetProperty("pointCount").GetInt32());
    }

    [Fact]
    public void Parse_StopBelowStart_InvalidRange()
    {
        var m = Dnp3TestParse.Master([0xC0, 0x01, 0x01, 0x02, 0x00, 0x05, 0x02]); // Read g1v2, start 5, stop 2
        Assert.Contains("invalid_range", m.AnomalyNames);
    }

    [Fact]
    public void Parse_ReservedQualifier_Flagged()
    {
        var m = Dnp3TestParse.Master([0xC0, 0x01, 0x01, 0x02, 0x0A]); // range specifier 0xA is reserved
        Assert.Contains("reserved_qualifier", m.AnomalyNames);
        m = Dnp3TestParse.Master([0xC0, 0x01, 0x01, 0x02, 0x86]); // bit 7 set
        Assert.Contains("reserved_qualifier", m.AnomalyNames);
    }

    [Fact]
    public void Parse_FourOctetRangeOverPointBound_TooManyPoints()
    {
        var m = Dnp3TestParse.Master([
            0xC0, 0x01,             // Read
            0x1E, 0x01, 0x02,       // g30v1, qualifier 0x02 (4-octet start/stop)
            0x00, 0x00, 0x00, 0x00, // start 0
            0xFF, 0xFF, 0xFF, 0xFF, // stop 4294967295
        ]);
        Assert.Contains("too_many_points", m.AnomalyNames);
    }

    [Fact]
    public void Parse_ManyEmptyHeaders_TooManyObjects()
    {
        var fragment = new List<byte> { 0xC0, 0x01 };
        for (int i = 0; i < Dnp3Constants.MaxObjects + 5; i++) fragment.AddRange([0x3C, 0x01, 0x06]); // g60v1 all
        var m = Dnp3TestParse.Master([.. fragment]);
        Assert.Contains("too_many_objects", m.AnomalyNames);
        Assert.Equal(Dnp3Constants.MaxObjects, m.Details.GetProperty("objectCount").GetInt32());
    }

    [Fact]
    public void Parse_UnknownObjectWithData_StopsWalk()
    {
        var m = Dnp3TestParse.Master([0xC0, 0x02, 0xC8, 0x01, 0x07, 0x01, 0xAA, 0xBB]); // Write g200v1 count 1
        Assert.Contains("unknown_object", m.AnomalyNames);
    }

    [Fact]
    public void Parse_ResponseFromMaster_DirectionMismatch()
    {
        var m = Dnp3TestParse.Master([0xC0, 0x81, 0x00, 0x00]);
        Assert.Contains("direction_mismatch", m.AnomalyNames);
    }

    [Fact]
    public void Parse_InvalidCrobCode_Flagged()
    {
        var m = Dnp3TestParse.Master([
            0xC0, 0x05,             // Direct Operate
            0x0C, 0x01, 0x17, 0x01, // g12v1, qualifier 0x17 (1-octet index, 1-octet count), count 1
            0x00,                   // index 0
            0xC7,                   // control code: trip-close 3 (reserved), operation 7 (reserved)
            0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, // count, on, off, status
        ]);
        Assert.Contains("invalid_control_code", m.AnomalyNames);
    }

    [Fact]
    public void Parse_OneOctetFragment_FragmentTooShortNoFunction()
    {
        var m = Dnp3TestParse.Master([0xC0]);
        Assert.Equal(-1, m.Function);
        Assert.Contains("fragment_too_short", m.AnomalyNames);
    }

    [Fact]
    public void Parse_SizePrefixLies_ObjectDataTruncated()
    {
        var m = Dnp3TestParse.Master([
            0xC0, 0x20,             // Authentication Request
            0x78, 0x01, 0x5B, 0x01, // g120v1 challenge, qualifier 0x5B, count 1
            0xFF, 0x00,             // size 255, but only 2 octets follow
            0x01, 0x02,
        ]);
        Assert.Contains("object_data_truncated", m.AnomalyNames);
        Assert.Equal("challenge", m.Details.GetProperty("saMessage").GetString());
    }

    private sealed class IdentityCollector : IIdentityReceiver
    {
        public List<string> Fields { get; } = [];

        public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
            => Fields.Add($"{field}={System.Text.Encoding.ASCII.GetString(value)}");
    }
}
