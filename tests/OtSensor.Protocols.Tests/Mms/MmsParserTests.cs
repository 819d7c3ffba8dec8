using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.Tests.Cotp;
using OtSensor.Protocols.Tests.S7Comm;

namespace OtSensor.Protocols.Tests.Mms;

public class MmsParserTests
{
    internal static CotpSession NewSession() => new([new S7CommPayloadDecoder(), new S7CommPlusPayloadDecoder(), new MmsPayloadDecoder()]);

    /// <summary>Runs one TSDU through a COTP session as the engine composes it.</summary>
    internal static RecordingSink Decode(byte[] tsdu, Direction direction = Direction.ToServer)
    {
        var sink = new RecordingSink();
        var packet = CotpVectors.Data(tsdu, true);
        var result = NewSession().OnData(packet, direction, sink);
        Assert.Equal(packet.Length, result.Consumed);
        return sink;
    }

    private static RecordedMessage Single(byte[] tsdu, Direction direction = Direction.ToServer)
    {
        var sink = Decode(tsdu, direction);
        Assert.Empty(sink.StreamAnomalies);
        var m = Assert.Single(sink.Messages);
        Assert.Equal(ProtocolId.Mms, m.Protocol);
        return m;
    }

    [Fact]
    public void Decode_InitiateRequestInConnectAarq_PduType8AndParameters()
    {
        var m = Single(MmsVectors.Connect(MmsVectors.InitiateRequest));
        Assert.Equal(-1, m.Function);
        Assert.Equal(OtOperation.Other, m.Operation);
        Assert.Equal(0UL, m.Anomalies);
        Assert.Equal(8, m.Details.GetProperty("pduType").GetInt32());
        Assert.Equal("initiate-Request", m.Details.GetProperty("pduTypeName").GetString());
        Assert.Equal(0x0D, m.Details.GetProperty("spdu").GetInt32());
        Assert.Equal(65000, m.Details.GetProperty("localDetail").GetInt32());
        Assert.Equal(5, m.Details.GetProperty("maxServOutstandingCalling").GetInt32());
        Assert.Equal(1, m.Details.GetProperty("version").GetInt32());
    }

    [Fact]
    public void Decode_BareInitiateRequestOnCotp_Decoded()
    {
        var m = Single(MmsVectors.InitiateRequest);
        Assert.Equal(8, m.Details.GetProperty("pduType").GetInt32());
        Assert.False(m.Details.TryGetProperty("spdu", out _));
    }

    [Fact]
    public void Decode_ReadRequest_FunctionFourAndItem()
    {
        var m = Single(MmsVectors.Data(MmsVectors.ReadRequest));
        Assert.Equal(4, m.Function);
        Assert.Equal("read", m.FunctionName);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.False(m.IsResponse);
        Assert.Equal(0UL, m.Anomalies);
        Assert.Equal(0, m.Details.GetProperty("invokeId").GetInt32());
        Assert.Equal("mu", m.Details.GetProperty("itemId").GetString());
        Assert.Equal(1, m.Details.GetProperty("variableCount").GetInt32());
    }

    [Fact]
    public void Decode_ReadRequestDomainSpecific_DomainAndItem()
    {
        var m = Single(MmsVectors.Data(MmsVectors.ReadRequestDomain));
        Assert.Equal(303732, m.Details.GetProperty("invokeId").GetInt32());
        Assert.Equal("LD", m.Details.GetProperty("domainId").GetString());
        Assert.Equal("LLN", m.Details.GetProperty("itemId").GetString());
    }

    [Fact]
    public void Decode_ReadResponseFailure_DataAccessError()
    {
        var m = Single(MmsVectors.Data(MmsVectors.ReadResponseFailure), Direction.ToClient);
        Assert.Equal(4, m.Function);
        Assert.True(m.IsResponse);
        Assert.Equal(1, m.Details.GetProperty("accessFailures").GetInt32());
        Assert.Equal(10, m.Details.GetProperty("dataAccessError").GetInt32());
        Assert.Equal("object-non-existent", m.Details.GetProperty("dataAccessErrorName").GetString());
    }

    [Fact]
    public void Decode_WriteRequestAndFailureResponse_WriteOperation()
    {
        var request = Single(MmsVectors.Data(MmsVectors.WriteRequest));
        Assert.Equal(5, request.Function);
        Assert.Equal(OtOperation.Write, request.Operation);
        Assert.Equal("vendor", request.Details.GetProperty("itemId").GetString());
        var response = Single(MmsVectors.Data(MmsVectors.WriteResponseFailure), Direction.ToClient);
        Assert.Equal(5, response.Function);
        Assert.True(response.IsResponse);
        Assert.Equal("object-access-denied", response.Details.GetProperty("dataAccessErrorName").GetString());
    }

    [Fact]
    public void Decode_GetNameList_DiscoveryWithDomain()
    {
        var m = Single(MmsVectors.Data(MmsVectors.GetNameListRequest));
        Assert.Equal(1, m.Function);
        Assert.Equal(OtOperation.Discovery, m.Operation);
        Assert.Equal("LD", m.Details.GetProperty("domainId").GetString());
    }

    [Fact]
    public void Decode_GetVariableAccessAttributes_DiscoveryWithItem()
    {
        var m = Single(MmsVectors.Data(MmsVectors.GetVariableAccessAttributesRequest));
        Assert.Equal(6, m.Function);
        Assert.Equal(OtOperation.Discovery, m.Operation);
        Assert.Equal("mu", m.Details.GetProperty("itemId").GetString());
    }

    [Fact]
    public void Decode_IdentifyRequest_Identification()
    {
        var m = Single(MmsVectors.Data(MmsVectors.IdentifyRequest));
        Assert.Equal(2, m.Function);
        Assert.Equal(OtOperation.Identification, m.Operation);
    }

    [Fact]
    public void ReportIdentity_IdentifyResponse_VendorModelFirmware()
    {
        var tsdu = MmsVectors.Data(MmsVectors.IdentifyResponse);
        var message = MmsParser.Parse(tsdu, fromServer: true);
        Assert.True(message.HasIdentity);
        var receiver = new IdentityCollector();
        message.ReportIdentity(receiver);
        Assert.Equal("ACME", receiver.Get(IdentityField.Vendor));
        Assert.Equal("IED-1", receiver.Get(IdentityField.Model));
        Assert.Equal("1.2.3", receiver.Get(IdentityField.Firmware));
        Assert.Equal(2, message.Function);
    }

    [Fact]
    public void Decode_InformationReport_UnconfirmedWithListName()
    {
        var m = Single(MmsVectors.Data(MmsVectors.InformationReport), Direction.ToClient);
        Assert.Equal(-1, m.Function);
        Assert.Equal(3, m.Details.GetProperty("pduType").GetInt32());
        Assert.Equal("informationReport", m.Details.GetProperty("unconfirmedService").GetString());
        Assert.Equal("RPT", m.Details.GetProperty("itemId").GetString());
        Assert.Equal(2, m.Details.GetProperty("accessResults").GetInt32());
        Assert.Equal(0, m.Details.GetProperty("accessFailures").GetInt32());
    }

    [Fact]
    public void Decode_ConfirmedError_ClassAndCode()
    {
        var m = Single(MmsVectors.Data(MmsVectors.ConfirmedError), Direction.ToClient);
        Assert.Equal(-1, m.Function);
        Assert.True(m.IsResponse);
        Assert.Equal(303731, m.Details.GetProperty("invokeId").GetInt32());
        Assert.Equal(7, m.Details.GetProperty("errorClass").GetInt32());
        Assert.Equal(2, m.Details.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public void Decode_ConcludeRequest_NoFunction()
    {
        var m = Single(MmsVectors.Data(MmsVectors.ConcludeRequest));
        Assert.Equal(-1, m.Function);
        Assert.Equal(11, m.Details.GetProperty("pduType").GetInt32());
    }

    [Fact]
    public void Decode_FileOpenAndDelete_FileNameAndOperation()
    {
        var open = Single(MmsVectors.Data(MmsVectors.FileOpenRequest));
        Assert.Equal(72, open.Function);
        Assert.Equal("fileOpen", open.FunctionName);
        Assert.Equal(OtOperation.ProgramUpload, open.Operation);
        Assert.Equal("COMTRADE/1.cf", open.Details.GetProperty("fileName").GetString());
        var delete = Single(MmsVectors.Data(MmsVectors.FileDeleteRequest));
        Assert.Equal(76, delete.Function);
        Assert.Equal(OtOperation.Other, delete.Operation);
        Assert.Equal("a.b", delete.Details.GetProperty("fileName").GetString());
    }

    [Theory]
    [InlineData(40, OtOperation.Start)]
    [InlineData(41, OtOperation.Stop)]
    [InlineData(43, OtOperation.Restart)]
    [InlineData(29, OtOperation.ProgramUpload)]
    [InlineData(26, OtOperation.ProgramDownload)]
    [InlineData(19, OtOperation.Control)]
    public void Decode_ProgramAndDomainServices_Operation(int service, OtOperation operation)
    {
        byte[] pdu = service < 31
            ? [0xA0, 0x05, 0x02, 0x01, 0x01, (byte)(0x80 | service), 0x00]   // confirmed request, invokeID 1, service [n] low-tag form, empty
            : [0xA0, 0x06, 0x02, 0x01, 0x01, 0x9F, (byte)service, 0x00];     // same, high-tag form
        var m = Single(MmsVectors.Data(pdu));
        Assert.Equal(service, m.Function);
        Assert.Equal(operation, m.Operation);
    }

    [Fact]
    public void Decode_ReleaseRequestInFinish_NoMmsRecord()
    {
        byte[] finish =
        [
            0x09, 0x10,                         // FINISH SPDU, LI 16
            0xC1, 0x0E,                         //   User Data PGI
            0x61, 0x0C,                         //     fully-encoded-data
            0x30, 0x0A,                         //       PDV-list
            0x02, 0x01, 0x01,                   //         context 1 (ACSE)
            0xA0, 0x05,                         //         single-ASN1-type
            0x62, 0x03, 0x80, 0x01, 0x01,       //           RLRQ, reason [0] 1
        ];
        var sink = Decode(finish);
        Assert.Empty(sink.Messages);
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void Accepts_S7CommAndGarbage_Rejected()
    {
        var decoder = new MmsPayloadDecoder();
        Assert.False(decoder.Accepts(S7CommVectors.ReadVarJob.AsSpan(7)));
        Assert.False(decoder.Accepts([0xA0, 0x05, 0x02, 0x01]));              // bare MMS with lying length
        Assert.False(decoder.Accepts([0x01, 0x00, 0x32, 0x00]));              // GIVE-TOKENS not followed by DATA TRANSFER
        Assert.False(decoder.Accepts([0xA0, 0x03, 0x02, 0x01, 0x00, 0x00]));  // trailing byte after a bare PDU
        Assert.True(decoder.Accepts(MmsVectors.ConcludeRequest));
    }

    // ---- malformed twins ----

    [Fact]
    public void Decode_ReadRequestWithLyingLength_MalformedBer()
    {
        var pdu = (byte[])MmsVectors.ReadRequest.Clone();
        pdu[6] = 0x7F; // read [4] length 15 → 127, past the PDU
        var m = Single(MmsVectors.Data(pdu));
        Assert.Contains("malformed_ber", m.AnomalyNames);
        Assert.Equal(0, m.Details.GetProperty("invokeId").GetInt32());
    }

    [Fact]
    public void Decode_IndefiniteLengthInWrite_Flagged()
    {
        var pdu = (byte[])MmsVectors.WriteRequest.Clone();
        pdu[8] = 0x80; // listOfVariable [0] length → indefinite
        var m = Single(MmsVectors.Data(pdu));
        Assert.Equal(5, m.Function);
        Assert.Contains("indefinite_length", m.AnomalyNames);
    }

    [Fact]
    public void Decode_UnknownServiceNumber_UnknownService()
    {
        byte[] twin = [0xA0, 0x06, 0x02, 0x01, 0x07, 0x9F, 0x5A, 0x00]; // service [90]
        var m = Single(MmsVectors.Data(twin));
        Assert.Equal(90, m.Function);
        Assert.Contains("unknown_service", m.AnomalyNames);
    }

    [Fact]
    public void Decode_ConfirmedRequestWithoutService_MissingService()
    {
        byte[] pdu = [0xA0, 0x03, 0x02, 0x01, 0x01]; // mms-confirmedRequestPDU.pcap frame 12: invokeID only
        var m = Single(pdu);
        Assert.Equal(-1, m.Function);
        Assert.Contains("missing_service", m.AnomalyNames);
    }

    [Fact]
    public void Decode_ConfirmedRequestWithoutInvokeId_MissingInvokeId()
    {
        byte[] pdu = [0xA0, 0x02, 0x82, 0x00]; // identify without invokeID
        var m = Single(MmsVectors.Data(pdu));
        Assert.Contains("missing_invoke_id", m.AnomalyNames);
    }

    [Fact]
    public void Decode_UserDataPgiPastSpdu_StreamAnomalyNoRecord()
    {
        var tsdu = MmsVectors.Connect(MmsVectors.InitiateRequest);
        tsdu[11] += 10; // User Data PGI length beyond the SPDU
        var sink = Decode(tsdu);
        Assert.Empty(sink.Messages);
        Assert.Contains(sink.StreamAnomalies, a => a.Contains("malformed_session", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_SpduLengthOneBeyondTsdu_DecodedAndFlagged()
    {
        var tsdu = MmsVectors.Connect(MmsVectors.InitiateRequest);
        tsdu[1] += 1; // CONNECT LI one byte longer than the TSDU (as in IEC61850_iec.pcap frame 1)
        var m = Assert.Single(Decode(tsdu).Messages);
        Assert.Equal(8, m.Details.GetProperty("pduType").GetInt32());
        Assert.Contains("malformed_session", m.AnomalyNames);
    }

    [Fact]
    public void Decode_TruncatedPresentation_StreamAnomaly()
    {
        byte[] tsdu =
        [
            0x01, 0x00, 0x01, 0x00,             // GIVE-TOKENS, DATA TRANSFER
            0x61, 0x20,                         // fully-encoded-data claiming 32 bytes
            0x30, 0x03, 0x02, 0x01, 0x03,       // only a PDV header
        ];
        var sink = Decode(tsdu);
        Assert.Empty(sink.Messages);
        Assert.Contains(sink.StreamAnomalies, a => a.Contains("malformed_presentation", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(9506);
        var receiver = new IdentityCollector();
        byte[][] prefixes = [[0x01, 0x00, 0x01, 0x00, 0x61], [0x0D], [0x0E], [0xA0], [0xA1], [0xA3], [0xA8]];
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            var prefix = prefixes[i % prefixes.Length];
            if (bytes.Length > prefix.Length) prefix.CopyTo(bytes, 0);
            _ = MmsParser.LooksLikeMms(bytes);
            var message = MmsParser.Parse(bytes, (i & 1) != 0);
            message.ReportIdentity(receiver);
            using var writer = new System.Text.Json.Utf8JsonWriter(Stream.Null);
            writer.WriteStartObject();
            message.WriteDetails(writer);
            writer.WriteEndObject();
            _ = message.Operation;
            _ = message.FunctionName;
        }
    }
}
