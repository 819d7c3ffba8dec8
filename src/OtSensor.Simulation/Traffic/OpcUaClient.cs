using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An OPC UA client over opc.tcp with SecurityPolicy None (OPC 10000-6 §7.1 Hello/Acknowledge; §6.7 OPN, MSG, CLO with
/// sequence numbers and request ids counting up): GetEndpoints (OPC 10000-4 §5.4.4), CreateSession / ActivateSession
/// with an anonymous identity token / CloseSession (§5.6.2, §5.6.3, §5.6.4) and Read of Value attributes (§5.10.2)
/// answered with DataValues (OPC 10000-6 §5.2.2.17).
/// </summary>
/// <remarks>Counted as the decoder records them: HEL/ACK null, every other chunk by its service type id.</remarks>
public sealed class OpcUaClient(Simulator sim, TcpConnection tcp, Random random)
{
    public const ushort Port = 4840;
    public const string PolicyNone = "http://opcfoundation.org/UA/SecurityPolicy#None";
    private const ushort AnonymousIdentityToken = 321;          // AnonymousIdentityToken_Encoding_DefaultBinary
    private uint _channel;
    private uint _token;
    private uint _sequence;
    private uint _requestId;
    private byte[] _authenticationToken = [0x00, 0x00];

    public TcpConnection Connection => tcp;

    private string Url => $"opc.tcp://{tcp.Server.Name.ToLowerInvariant()}:{Port}/";

    /// <summary>TCP handshake, HEL/ACK, OPN Issue with SecurityMode None; returns when the channel is open.</summary>
    public Timestamp Connect(Timestamp at)
    {
        _channel = (uint)random.Next(1, int.MaxValue);
        _token = (uint)random.Next(1, int.MaxValue);
        _sequence = (uint)random.Next(1, 1000);
        var t = tcp.Open(at, Talk.Rtt);
        var hello = new OpcUaWriter();
        hello.U32(0).U32(65536).U32(65536).U32(0).U32(0).Str(Url);
        var ack = new OpcUaWriter();
        ack.U32(0).U32(65536).U32(65536).U32(16 * 1024 * 1024).U32(5000);
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), OpcUaWriter.Frame("HEL", hello), OpcUaWriter.Frame("ACK", ack), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("opcua", -1, 2);

        uint request = ++_requestId;
        var opn = new OpcUaWriter();
        opn.U32(0).Str(PolicyNone).Null().Null().U32(_sequence).U32(request).Id(446).RequestHeader(t, request)
            .U32(0).U32(0).U32(1).Null().U32(3_600_000);        // protocol version, Issue, mode None, no nonce, lifetime
        var opnResponse = new OpcUaWriter();
        opnResponse.U32(_channel).Str(PolicyNone).Null().Null().U32(_sequence++).U32(request).Id(449).ResponseHeader(t, request)
            .U32(0).U32(_channel).U32(_token).Time(t).U32(3_600_000).Null();
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), OpcUaWriter.Frame("OPN", opn), OpcUaWriter.Frame("OPN", opnResponse), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("opcua", 446);
        sim.Manifest.CountPdu("opcua", 449);
        return t;
    }

    /// <summary>GetEndpoints: the server answers its one anonymous, unsecured endpoint.</summary>
    public Timestamp GetEndpoints(Timestamp at)
        => Call(at, 428, body => body.Str(Url).I32(-1).I32(-1), 431, body => Endpoints(body.I32(1)));

    /// <summary>CreateSession: client description, endpoint, session name, 32-byte nonce; the server answers ids, its nonce and endpoints.</summary>
    public Timestamp CreateSession(Timestamp at, string sessionName)
    {
        var clientNonce = new byte[32];
        random.NextBytes(clientNonce);
        var serverNonce = new byte[32];
        random.NextBytes(serverNonce);
        var token = new byte[16];
        random.NextBytes(token);
        uint sessionId = (uint)random.Next(1, int.MaxValue);
        string client = tcp.Client.Name;
        var t = Call(at, 461,
            body => body.Str($"urn:{client}:ScadaClient").Str("urn:plant:scada-client").LocalizedText($"{client} SCADA OPC UA Client")
                .I32(1).Null().Null().I32(-1)                                      // ApplicationType Client, no gateway/profile/discovery URLs
                .Null().Str(Url).Str(sessionName).ByteString(clientNonce).Null()   // serverUri, endpointUrl, sessionName, nonce, no certificate
                .Double(1_200_000).U32(0),                                         // requested timeout 20 min, no response size limit
            464,
            body =>
            {
                body.Byte(0x02).U16(1).U32(sessionId);                             // SessionId ns=1;i=...
                body.Byte(0x05).U16(1).ByteString(token);                          // AuthenticationToken: opaque ns=1;b=...
                body.Double(1_200_000).ByteString(serverNonce).Null();             // revised timeout, nonce, no certificate
                Endpoints(body.I32(1));
                body.I32(0).Null().Null().U32(0);                                  // no software certificates, empty signature, no size limit
            });
        _authenticationToken = [0x05, 0x01, 0x00, 0x10, 0x00, 0x00, 0x00, .. token];
        return t;
    }

    /// <summary>ActivateSession with an AnonymousIdentityToken (policy "anonymous") and locale en-US.</summary>
    public Timestamp ActivateSession(Timestamp at)
    {
        var serverNonce = new byte[32];
        random.NextBytes(serverNonce);
        var policy = new OpcUaWriter().Str("anonymous").ToArray();
        return Call(at, 467,
            body => body.Null().Null()                                            // client signature: no algorithm, no signature
                .I32(0).I32(1).Str("en-US")                                        // no software certificates, one locale
                .Id(AnonymousIdentityToken).Byte(0x01).ByteString(policy)          // ExtensionObject, binary body
                .Null().Null(),                                                    // user token signature
            470,
            body => body.ByteString(serverNonce).I32(0).I32(0));                  // nonce, no results, no diagnostics
    }

    /// <summary>Read of the Value attribute (13) of <paramref name="nodes"/> (namespace 2 string ids); Double DataValues with both timestamps.</summary>
    public Timestamp Read(Timestamp at, IReadOnlyList<(string Node, double Value)> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return Call(at, 631,
            body =>
            {
                body.Double(0).I32(2).I32(nodes.Count);                            // maxAge 0, TimestampsToReturn Both
                foreach (var (node, _) in nodes) body.StringId(2, node).U32(13).Null().U16(0).Null();   // ReadValueId: node, Value, no range, no encoding
            },
            634,
            body =>
            {
                body.I32(nodes.Count);
                foreach (var (_, value) in nodes)
                    body.Byte(0x0D).Byte(11).Double(value).Time(at).Time(at);      // mask Value|SourceTimestamp|ServerTimestamp, Variant Double
                body.I32(0);                                                       // no diagnostic infos
            });
    }

    /// <summary>CloseSession, deleting its subscriptions.</summary>
    public Timestamp CloseSession(Timestamp at)
    {
        var t = Call(at, 473, body => body.Byte(0x01), 476, _ => { });
        _authenticationToken = [0x00, 0x00];
        return t;
    }

    /// <summary>CLO (the server answers nothing, §6.7.6), then the TCP close.</summary>
    public Timestamp Disconnect(Timestamp at)
    {
        uint request = ++_requestId;
        var close = new OpcUaWriter();
        close.U32(_channel).U32(_token).U32(_sequence++).U32(request).Id(452).RequestHeader(at, request, _authenticationToken);
        var t = tcp.Send(at, fromClient: true, OpcUaWriter.Frame("CLO", close));
        sim.Manifest.CountPdu("opcua", 452);
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(1)), Talk.Rtt);
    }

    /// <summary>One MSG request and its MSG response on the channel, with their service ids counted.</summary>
    private Timestamp Call(Timestamp at, ushort requestType, Action<OpcUaWriter> request, ushort responseType, Action<OpcUaWriter> response)
    {
        uint id = ++_requestId;
        var req = new OpcUaWriter();
        req.U32(_channel).U32(_token).U32(_sequence++).U32(id).Id(requestType).RequestHeader(at, id, _authenticationToken);
        request(req);
        var res = new OpcUaWriter();
        res.U32(_channel).U32(_token).U32(_sequence++).U32(id).Id(responseType).ResponseHeader(at, id);
        response(res);
        var t = tcp.Exchange(at, OpcUaWriter.Frame("MSG", req), OpcUaWriter.Frame("MSG", res), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("opcua", requestType);
        sim.Manifest.CountPdu("opcua", responseType);
        return t;
    }

    /// <summary>One EndpointDescription: the server's URL, application, no certificate, mode None, one anonymous token policy.</summary>
    private OpcUaWriter Endpoints(OpcUaWriter body)
    {
        var server = tcp.Server.Name;
        return body.Str(Url)
            .Str($"urn:{server}:Historian").Str("urn:plant:historian-opc").LocalizedText($"{server} OPC UA Server")
            .I32(0).Null().Null().I32(1).Str(Url)                       // ApplicationType Server, gateway, profile, DiscoveryUrls
            .Null()                                                     // ServerCertificate
            .I32(1).Str(PolicyNone)                                     // SecurityMode None, SecurityPolicyUri
            .I32(1).Str("anonymous").I32(0).Null().Null().Null()        // one anonymous UserTokenPolicy
            .Str("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary").Byte(0);
    }
}
