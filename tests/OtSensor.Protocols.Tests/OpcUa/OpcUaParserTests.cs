using System.Reflection;
using System.Text.Json;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.OpcUa;

namespace OtSensor.Protocols.Tests.OpcUa;

public class OpcUaParserTests
{
    private const string PolicyNone = "http://opcfoundation.org/UA/SecurityPolicy#None";

    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(OpcUaVectors).GetFields(BindingFlags.Public | BindingFlags.Static)) data.Add(field.Name);
        return data;
    }

    private static byte[] Vector(string name) => (byte[])typeof(OpcUaVectors).GetField(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Vectors_MessageSize_EqualsLength(string name)
    {
        var bytes = Vector(name);
        Assert.Equal(bytes.Length, BitConverter.ToInt32(bytes, 4));
    }

    [Fact]
    public void Hello_Parse_TransportParametersAndEndpointUrl()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.Hello, Direction.ToServer);
        Assert.Equal(-1, m.Function);
        Assert.False(m.IsResponse);
        Assert.Empty(m.AnomalyNames);
        var d = m.Details;
        Assert.Equal("HEL", d.Text("messageType"));
        Assert.Equal("F", d.Text("chunkType"));
        Assert.Equal(65536, d.GetProperty("receiveBufferSize").GetInt32());
        Assert.Equal(16777216, d.GetProperty("maxMessageSize").GetInt32());
        Assert.Equal("opc.tcp://plc1:4840", d.Text("endpointUrl"));
    }

    [Fact]
    public void Acknowledge_Parse_ResponseWithChunkCount()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.Acknowledge, Direction.ToClient);
        Assert.True(m.IsResponse);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("ACK", m.Details.Text("messageType"));
        Assert.Equal(5000, m.Details.GetProperty("maxChunkCount").GetInt32());
    }

    [Fact]
    public void Error_Parse_StatusNameAndReason()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.Error, Direction.ToClient);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal(0x80830000u, m.Details.GetProperty("error").GetUInt32());
        Assert.Equal("BadTcpEndpointUrlInvalid", m.Details.Text("errorName"));
        Assert.Equal("unknown endpoint", m.Details.Text("reason"));
    }

    [Fact]
    public void ReverseHello_Parse_ServerUriAndEndpointUrl()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.ReverseHello, Direction.ToServer);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("urn:plc1:server", m.Details.Text("serverUri"));
        Assert.Equal("opc.tcp://plc1:4840", m.Details.Text("endpointUrl"));
    }

    [Fact]
    public void OpenRequest_Parse_PolicyNoneAndFunction446()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.OpenRequest, Direction.ToServer);
        Assert.Equal(446, m.Function);
        Assert.Equal("OpenSecureChannelRequest", m.FunctionName);
        Assert.Empty(m.AnomalyNames);
        var d = m.Details;
        Assert.Equal(PolicyNone, d.Text("securityPolicy"));
        Assert.False(d.GetProperty("encrypted").GetBoolean());
        Assert.Equal(0, d.GetProperty("secureChannelId").GetInt32());
        Assert.Equal(1, d.GetProperty("requestId").GetInt32());
        Assert.Equal("Issue", d.Text("requestType"));
        Assert.Equal("None", d.Text("securityMode"));
    }

    [Fact]
    public void OpenResponse_Parse_ChannelAndTokenFromSecurityToken()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.OpenResponse, Direction.ToClient);
        Assert.Equal(449, m.Function);
        Assert.True(m.IsResponse);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal(5, m.Details.GetProperty("secureChannelId").GetInt32());
        Assert.Equal(1, m.Details.GetProperty("tokenId").GetInt32());
        Assert.Equal("Good", m.Details.Text("statusName"));
    }

    [Fact]
    public void OpenRequestEncrypted_Parse_EncryptedWithoutFunctionOrRequestId()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.OpenRequestEncrypted, Direction.ToServer);
        Assert.Equal(-1, m.Function);
        Assert.Empty(m.AnomalyNames);
        var d = m.Details;
        Assert.True(d.GetProperty("encrypted").GetBoolean());
        Assert.Equal("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", d.Text("securityPolicy"));
        Assert.Equal(JsonValueKind.Null, d.GetProperty("requestId").ValueKind);
        Assert.Equal(16, d.GetProperty("senderCertificateLength").GetInt32());
        Assert.Equal(20, d.GetProperty("receiverThumbprintLength").GetInt32());
    }

    [Fact]
    public void GetEndpointsRequest_Parse_DiscoveryEndpointUrl()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.GetEndpointsRequest, Direction.ToServer);
        Assert.Equal(428, m.Function);
        Assert.Equal(OtOperation.Identification, m.Operation);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("opc.tcp://plc1:4840", m.Details.Text("endpointUrl"));
        Assert.Equal(2, m.Details.GetProperty("requestHandle").GetInt32());
        Assert.Equal(8, m.Details.GetProperty("requestId").GetInt32());
    }

    [Fact]
    public void GetEndpointsResponse_Parse_EndpointsWithPoliciesModesAndTokenTypes()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.GetEndpointsResponse, Direction.ToClient);
        Assert.Equal(431, m.Function);
        Assert.Empty(m.AnomalyNames);
        var endpoints = m.Details.GetProperty("endpoints");
        Assert.Equal(2, endpoints.GetArrayLength());
        var first = endpoints[0];
        Assert.Equal("opc.tcp://plc1:4840", first.Text("endpointUrl"));
        Assert.Equal("urn:plc1:server", first.Text("applicationUri"));
        Assert.Equal("urn:example:product", first.Text("productUri"));
        Assert.Equal("PLC1 Server", first.Text("applicationName"));
        Assert.Equal("Server", first.Text("applicationType"));
        Assert.Equal("None", first.Text("securityMode"));
        Assert.Equal(PolicyNone, first.Text("securityPolicy"));
        Assert.Equal(["Anonymous", "UserName"], first.GetProperty("userTokenTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary", first.Text("transportProfileUri"));
        Assert.Equal(1, first.GetProperty("securityLevel").GetInt32());
        var second = endpoints[1];
        Assert.Equal("SignAndEncrypt", second.Text("securityMode"));
        Assert.Equal("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", second.Text("securityPolicy"));
        Assert.Equal(["Certificate"], second.GetProperty("userTokenTypes").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void GetEndpointsResponse_ReportIdentity_ServerNameAndProductUri()
    {
        Assert.Equal(
            [(IdentityField.Name, "PLC1 Server"), (IdentityField.ProductCode, "urn:example:product")],
            OpcUaTestParse.Identity(OpcUaVectors.GetEndpointsResponse, Direction.ToClient));
    }

    [Fact]
    public void CreateSessionRequest_Parse_ClientDescriptionSessionNameAndIdentity()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.CreateSessionRequest, Direction.ToServer);
        Assert.Equal(461, m.Function);
        Assert.Equal(OtOperation.Authentication, m.Operation);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("urn:hmi1:client", m.Details.Text("clientApplicationUri"));
        Assert.Equal("HMI Client", m.Details.Text("clientApplicationName"));
        Assert.Equal("hmi-session-1", m.Details.Text("sessionName"));
        Assert.Equal("opc.tcp://plc1:4840", m.Details.Text("endpointUrl"));
        Assert.Equal(
            [(IdentityField.Name, "HMI Client"), (IdentityField.ProductCode, "urn:example:hmi")],
            OpcUaTestParse.Identity(OpcUaVectors.CreateSessionRequest, Direction.ToServer));
    }

    [Fact]
    public void CreateSessionResponse_Parse_ServerEndpoints()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.CreateSessionResponse, Direction.ToClient);
        Assert.Equal(464, m.Function);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal(1, m.Details.GetProperty("endpoints").GetArrayLength());
        Assert.Equal(PolicyNone, m.Details.GetProperty("endpoints")[0].Text("securityPolicy"));
    }

    [Fact]
    public void ActivateSessionAnonymous_Parse_TokenTypeAndPolicyId()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.ActivateSessionAnonymous, Direction.ToServer);
        Assert.Equal(467, m.Function);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("Anonymous", m.Details.Text("userTokenType"));
        Assert.Equal("anonymous", m.Details.Text("policyId"));
        Assert.False(m.Details.TryGetProperty("userName", out _));
    }

    [Fact]
    public void ActivateSessionUserName_Parse_UserNameButNeverPassword()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.ActivateSessionUserName, Direction.ToServer);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("UserName", m.Details.Text("userTokenType"));
        Assert.Equal("operator", m.Details.Text("userName"));
        Assert.DoesNotContain("secret", m.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public void ActivateSessionResponse_BadStatus_NamedAnswerNotAnomaly()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.ActivateSessionResponse, Direction.ToClient);
        Assert.Equal(470, m.Function);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal(0x80210000u, m.Details.GetProperty("statusCode").GetUInt32());
        Assert.Equal("BadIdentityTokenRejected", m.Details.Text("statusName"));
    }

    [Theory]
    [InlineData(nameof(OpcUaVectors.ReadRequest), 631, OtOperation.Read, 1)]
    [InlineData(nameof(OpcUaVectors.ReadResponse), 634, OtOperation.Read, 1)]
    [InlineData(nameof(OpcUaVectors.WriteRequest), 673, OtOperation.Write, 1)]
    [InlineData(nameof(OpcUaVectors.CallRequest), 712, OtOperation.Control, 1)]
    public void DataServices_Parse_FunctionOperationAndItemCount(string vector, int function, OtOperation operation, int items)
    {
        var bytes = Vector(vector);
        bool response = vector.EndsWith("Response", StringComparison.Ordinal);
        var m = OpcUaTestParse.Parse(bytes, response ? Direction.ToClient : Direction.ToServer);
        Assert.Equal(function, m.Function);
        Assert.Equal(operation, m.Operation);
        Assert.Equal(response, m.IsResponse);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal(items, m.Details.GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public void ServiceFault_Parse_StatusName()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.ServiceFault, Direction.ToClient);
        Assert.Equal(397, m.Function);
        Assert.True(m.IsResponse);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("BadServiceUnsupported", m.Details.Text("statusName"));
    }

    [Fact]
    public void CloseSecureChannel_Parse_Function452()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.CloseSecureChannel, Direction.ToServer);
        Assert.Equal(452, m.Function);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("CLO", m.Details.Text("messageType"));
        Assert.Equal(14, m.Details.GetProperty("requestId").GetInt32());
    }

    [Fact]
    public void AbortChunk_Parse_ErrorAndReason()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.AbortChunk, Direction.ToServer);
        Assert.Equal(-1, m.Function);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("A", m.Details.Text("chunkType"));
        Assert.Equal("BadTcpMessageTooLarge", m.Details.Text("errorName"));
        Assert.Equal("too large", m.Details.Text("reason"));
    }

    [Fact]
    public void Hello_SizeBelowFixedPart_MessageTooShort()
    {
        // Claims 16 bytes: less than the 32 of a Hello's fixed fields.
        byte[] bytes = [0x48, 0x45, 0x4C, 0x46, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00];
        var m = OpcUaTestParse.Parse(bytes, Direction.ToServer);
        Assert.Contains("message_too_short", m.AnomalyNames);
        Assert.Contains("truncated", m.AnomalyNames);
    }

    [Fact]
    public void Hello_EndpointUrlLengthMinus2_InvalidLength()
    {
        var bytes = (byte[])OpcUaVectors.Hello.Clone();
        BitConverter.TryWriteBytes(bytes.AsSpan(28), -2);
        Assert.Equal(["invalid_length"], OpcUaTestParse.Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void Hello_EndpointUrlLengthHuge_InvalidLength()
    {
        var bytes = (byte[])OpcUaVectors.Hello.Clone();
        BitConverter.TryWriteBytes(bytes.AsSpan(28), int.MaxValue);
        Assert.Equal(["invalid_length"], OpcUaTestParse.Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void Hello_EndpointUrlLongerThanMessage_Truncated()
    {
        var bytes = (byte[])OpcUaVectors.Hello.Clone();
        BitConverter.TryWriteBytes(bytes.AsSpan(28), 200);
        Assert.Equal(["truncated"], OpcUaTestParse.Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void Message_NodeIdCutShort_TruncatedWithoutFunction()
    {
        // A MSG whose body ends after the NodeId's encoding byte and namespace: the four-byte id is incomplete.
        byte[] bytes = [.. OpcUaVectors.ReadRequest.AsSpan(0, 26)];
        BitConverter.TryWriteBytes(bytes.AsSpan(4), bytes.Length);
        var m = OpcUaTestParse.Parse(bytes, Direction.ToServer);
        Assert.Equal(-1, m.Function);
        Assert.Equal(["truncated"], m.AnomalyNames);
    }

    [Fact]
    public void Message_NodeIdEncoding0x3F_InvalidNodeIdEncoding()
    {
        var bytes = (byte[])OpcUaVectors.ReadRequest.Clone();
        bytes[24] = 0x3F;
        var m = OpcUaTestParse.Parse(bytes, Direction.ToServer);
        Assert.Equal(-1, m.Function);
        Assert.Equal(["invalid_node_id_encoding"], m.AnomalyNames);
    }

    [Fact]
    public void Message_UnknownTypeId_FunctionKeptWithUnknownService()
    {
        var bytes = (byte[])OpcUaVectors.ReadRequest.Clone();
        bytes[26] = 0x01; // id 0x0101 = 257: no service encoding
        bytes[27] = 0x01;
        var m = OpcUaTestParse.Parse(bytes, Direction.ToServer);
        Assert.Equal(257, m.Function);
        Assert.Null(m.FunctionName);
        Assert.Equal(["unknown_service"], m.AnomalyNames);
    }

    [Fact]
    public void GetEndpointsResponse_EndpointCountBeyondData_TruncatedEndpointsKept()
    {
        var bytes = (byte[])OpcUaVectors.GetEndpointsResponse.Clone();
        // The endpoint count follows the 24 bytes of headers, the 4-byte NodeId and the 24-byte empty ResponseHeader.
        int countOffset = 24 + 4 + 24;
        Assert.Equal(2, BitConverter.ToInt32(bytes, countOffset));
        BitConverter.TryWriteBytes(bytes.AsSpan(countOffset), 3);
        var m = OpcUaTestParse.Parse(bytes, Direction.ToClient);
        Assert.Equal(["truncated"], m.AnomalyNames);
        Assert.Equal(2, m.Details.GetProperty("endpoints").GetArrayLength());
    }

    [Fact]
    public void Request_SentByServer_UnexpectedDirection()
    {
        var m = OpcUaTestParse.Parse(OpcUaVectors.ReadRequest, Direction.ToClient);
        Assert.Equal(["unexpected_direction"], m.AnomalyNames);
    }
}
