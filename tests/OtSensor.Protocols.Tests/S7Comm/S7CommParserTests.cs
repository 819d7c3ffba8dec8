using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.S7Comm;

namespace OtSensor.Protocols.Tests.S7Comm;

public class S7CommParserTests
{
    /// <summary>Runs whole packets through a COTP session with the S7comm decoder.</summary>
    internal static RecordingSink Decode(params byte[][] packets)
    {
        var sink = new RecordingSink();
        var session = new CotpSession([new S7CommPayloadDecoder()]);
        foreach (var packet in packets)
        {
            var result = session.OnData(packet, Direction.ToServer, sink);
            Assert.Equal(packet.Length, result.Consumed);
        }
        return sink;
    }

    private static RecordedMessage Single(byte[] packet)
    {
        var sink = Decode(packet);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void Parse_SetupCommunicationJob_FunctionF0AndPduLength()
    {
        var m = Single(S7CommVectors.SetupJob);
        Assert.Equal(ProtocolId.S7Comm, m.Protocol);
        Assert.Equal(0xF0, m.Function);
        Assert.Equal("Setup communication", m.FunctionName);
        Assert.False(m.IsResponse);
        Assert.Equal(0UL, m.Anomalies);
        Assert.Equal(1, m.Details.GetProperty("rosctr").GetInt32());
        Assert.Equal(480, m.Details.GetProperty("pduLength").GetInt32());
    }

    [Fact]
    public void Parse_SetupCommunicationAckData_ResponseWithErrorFields()
    {
        var m = Single(S7CommVectors.SetupAckData);
        Assert.True(m.IsResponse);
        Assert.Equal(3, m.Details.GetProperty("rosctr").GetInt32());
        Assert.Equal(0, m.Details.GetProperty("errorClass").GetInt32());
        Assert.Equal(240, m.Details.GetProperty("pduLength").GetInt32());
    }

    [Fact]
    public void Parse_ReadVarJob_ItemAreaDbAddressLength()
    {
        var m = Single(S7CommVectors.ReadVarJob);
        Assert.Equal(4, m.Function);
        Assert.Equal(OtOperation.Read, m.Operation);
        var item = m.Details.GetProperty("items")[0];
        Assert.Equal(0x84, item.GetProperty("area").GetInt32());
        Assert.Equal(1, item.GetProperty("db").GetInt32());
        Assert.Equal(0, item.GetProperty("byteAddress").GetInt32());
        Assert.Equal(4, item.GetProperty("length").GetInt32());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_ReadVarAckData_WellFormed()
    {
        var m = Single(S7CommVectors.ReadVarAckData);
        Assert.Equal(4, m.Function);
        Assert.True(m.IsResponse);
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_WriteVarJobAndAck_WriteOperation()
    {
        var job = Single(S7CommVectors.WriteVarJob);
        Assert.Equal(5, job.Function);
        Assert.Equal(OtOperation.Write, job.Operation);
        Assert.Equal(2, job.Details.GetProperty("items")[0].GetProperty("byteAddress").GetInt32());
        Assert.Equal(0UL, job.Anomalies);
        var ack = Single(S7CommVectors.WriteVarAckData);
        Assert.Equal(OtOperation.Write, ack.Operation);
        Assert.Equal(0UL, ack.Anomalies);
    }

    [Fact]
    public void Parse_PlcStop_StopWithServiceName()
    {
        var m = Single(S7CommVectors.PlcStopJob);
        Assert.Equal(0x29, m.Function);
        Assert.Equal(OtOperation.Stop, m.Operation);
        Assert.Equal("P_PROGRAM", m.Details.GetProperty("piService").GetString());
    }

    [Theory]
    [InlineData(nameof(S7CommVectors.PiColdStartJob), OtOperation.Restart, "P_PROGRAM")]
    [InlineData(nameof(S7CommVectors.PiHotStartJob), OtOperation.Start, "P_PROGRAM")]
    [InlineData(nameof(S7CommVectors.PiCopyRamToRomJob), OtOperation.Control, "_MODU")]
    public void Parse_PiService_OperationFromServiceAndParameter(string vector, OtOperation operation, string service)
    {
        var bytes = (byte[])typeof(S7CommVectors).GetField(vector, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        var m = Single(bytes);
        Assert.Equal(0x28, m.Function);
        Assert.Equal(operation, m.Operation);
        Assert.Equal(service, m.Details.GetProperty("piService").GetString());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_RequestDownload_ProgramDownloadWithFileName()
    {
        var m = Single(S7CommVectors.RequestDownloadJob);
        Assert.Equal(0x1A, m.Function);
        Assert.Equal(OtOperation.ProgramDownload, m.Operation);
        Assert.Equal("_0A00001P", m.Details.GetProperty("fileName").GetString());
    }

    [Fact]
    public void Parse_StartUpload_ProgramUpload()
    {
        var m = Single(S7CommVectors.StartUploadJob);
        Assert.Equal(0x1D, m.Function);
        Assert.Equal(OtOperation.ProgramUpload, m.Operation);
        Assert.Equal("_0B00000A", m.Details.GetProperty("fileName").GetString());
    }

    [Fact]
    public void Parse_AckWithError_NoFunctionErrorClassKept()
    {
        var m = Single(S7CommVectors.AckWithError);
        Assert.Equal(-1, m.Function);
        Assert.True(m.IsResponse);
        Assert.Equal(0xD2, m.Details.GetProperty("errorClass").GetInt32());
        Assert.Equal(0x0C, m.Details.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public void Parse_ReadSzlRequest_UserdataGroupSubfunctionAndSzlId()
    {
        var m = Single(S7CommVectors.ReadSzlRequest);
        Assert.Equal(-1, m.Function);
        Assert.Null(m.FunctionName);
        Assert.Equal(OtOperation.Identification, m.Operation);
        Assert.Equal(4, m.Details.GetProperty("userdataGroup").GetInt32());
        Assert.Equal(1, m.Details.GetProperty("userdataSubfunction").GetInt32());
        Assert.Equal(0x0011, m.Details.GetProperty("szlId").GetInt32());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void Parse_SetClock_TimeSync()
    {
        var m = Single(S7CommVectors.SetClockRequest);
        Assert.Equal(7, m.Details.GetProperty("userdataGroup").GetInt32());
        Assert.Equal(OtOperation.TimeSync, m.Operation);
    }

    [Fact]
    public void Parse_ModeTransitionPush_GroupZeroWithoutAnomaly()
    {
        var m = Single(S7CommVectors.ModeTransitionStop);
        Assert.Equal(0, m.Details.GetProperty("userdataGroup").GetInt32());
        Assert.Equal("STOP", m.Details.GetProperty("userdataSubfunctionName").GetString());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void ReportIdentity_SzlModuleIdentification_OrderNumberAndFirmware()
    {
        var receiver = new IdentityCollector();
        var pdu = S7CommVectors.ReadSzlModuleIdentification.AsSpan(7);
        var message = S7CommParser.Parse(pdu);
        Assert.True(message.HasIdentity);
        Assert.Equal(0UL, message.Anomalies);
        message.ReportIdentity(receiver);
        Assert.Equal("6ES7 315-2EH14-0AB0", receiver.Get(IdentityField.ProductCode));
        Assert.Equal("V3.2.7", receiver.Get(IdentityField.Firmware));
        Assert.Equal("Siemens", receiver.Get(IdentityField.Vendor));
    }

    [Fact]
    public void ReportIdentity_FirstOfSeveralDataUnits_StatesNothingYet()
    {
        // The first unit's records are a prefix of the answer: identity is stated once, from the whole, by its last unit
        // (S7CommReassemblyTests).
        var message = S7CommParser.Parse(S7CommVectors.ReadSzlComponentIdentificationFirst.AsSpan(7));
        Assert.True(message.MoreDataUnits);
        Assert.Equal(0UL, message.Anomalies);
        Assert.Equal(0x001C, message.SzlId);
        Assert.False(message.HasIdentity);
    }

    [Fact]
    public void Parse_UserdataAnswer_PayloadAfterDataHeaderAndDataUnitReference()
    {
        var message = S7CommParser.Parse(S7CommVectors.ReadSzlComponentIdentificationFirst.AsSpan(7));
        Assert.Equal(0xD5, message.DataUnitReference);
        Assert.Equal(214, message.UserdataPayload.Length); // data length 218 - 4-byte data header
        Assert.Equal([0x00, 0x1C], message.UserdataPayload[..2].ToArray()); // starts with the SZL-ID
    }

    [Fact]
    public void Parse_LyingParameterLength_LengthOverrun()
    {
        byte[] pdu = [.. S7CommVectors.ReadVarJob.AsSpan(7)];
        pdu[7] = 0xFF; // parameter length 14 → 255
        var message = S7CommParser.Parse(pdu);
        Assert.True(message.AnomalyFlags.HasFlag(S7CommAnomalies.LengthOverrun));
    }

    [Fact]
    public void Parse_ItemCountAboveItems_MalformedItem()
    {
        byte[] pdu = [.. S7CommVectors.ReadVarJob.AsSpan(7)];
        pdu[11] = 3; // item count 1 → 3
        var message = S7CommParser.Parse(pdu);
        Assert.True(message.AnomalyFlags.HasFlag(S7CommAnomalies.MalformedItem));
    }

    [Fact]
    public void Parse_TruncatedHeaderAndUnknownRosctr_Flagged()
    {
        Assert.True(S7CommParser.Parse([0x32, 0x01, 0x00]).AnomalyFlags.HasFlag(S7CommAnomalies.TruncatedHeader));
        Assert.True(S7CommParser.Parse([0x32, 0x09, 0, 0, 0, 0, 0, 0, 0, 0]).AnomalyFlags.HasFlag(S7CommAnomalies.UnknownRosctr));
        Assert.True(S7CommParser.Parse([0x32, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0x77]).AnomalyFlags.HasFlag(S7CommAnomalies.UnknownFunction));
    }

    [Fact]
    public void Parse_SzlRecordsBeyondData_TruncatedSzl()
    {
        byte[] pdu = [.. S7CommVectors.ReadSzlModuleIdentification.AsSpan(7)];
        pdu[33] = 9; // record count (PDU offset 33) 4 → 9
        Assert.True(S7CommParser.Parse(pdu).AnomalyFlags.HasFlag(S7CommAnomalies.TruncatedSzl));
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(7102);
        var receiver = new IdentityCollector();
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            if (bytes.Length > 1) bytes[0] = 0x32;
            if (bytes.Length > 2) bytes[1] = (byte)(i % 4 == 0 ? 7 : i % 4);
            var message = S7CommParser.Parse(bytes, (i & 8) != 0);
            message.ReportIdentity(receiver);
            using var writer = new System.Text.Json.Utf8JsonWriter(Stream.Null);
            writer.WriteStartObject();
            message.WriteDetails(writer);
            writer.WriteEndObject();
        }
    }
}

/// <summary>Collects identity statements as strings.</summary>
internal sealed class IdentityCollector : IIdentityReceiver
{
    private readonly Dictionary<IdentityField, string> _values = [];

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
        => _values.TryAdd(field, System.Text.Encoding.ASCII.GetString(value).Trim());

    public string? Get(IdentityField field) => _values.GetValueOrDefault(field);
}
