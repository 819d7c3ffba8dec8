using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// For every OPC UA capture in ../shared/pcaps/public/opcua, events.jsonl is compared with tshark's ground truth:
/// service type ids (<c>function</c> vs <c>opcua.servicenodeid.numeric</c>), transport message types
/// (<c>messageType</c> vs <c>opcua.transport.type</c>), Hello endpoint URLs and OPN security policies. They must be
/// identical, or differ exactly as listed in <see cref="KnownDifferences"/>, each with its reason.
/// </summary>
public sealed class OpcUaConformanceTests
{
    /// <summary>Message types as codes, so they fit <see cref="HistogramDiff"/>.</summary>
    private static readonly string[] MessageTypes = ["ACK", "CLO", "ERR", "HEL", "MSG", "OPN", "RHE"];

    private const string GapReason =
        "Stream 0, frames 12–30: the 13990-byte CreateSessionResponse (request id 2) arrives in 10 segments, two of which "
        + "(frames 26 and 30) tshark 4.0 labels spurious retransmissions after the dup ACKs of this capture's gap; its TCP "
        + "reassembly never completes the PDU, so tshark shows no OPC UA for it. OtSensor's reassembler places every "
        + "segment by sequence number, gets the whole chunk and decodes it (no anomaly).";

    /// <summary>Differences between tshark 4.0.17 and OtSensor, per capture, each explained.</summary>
    private static readonly Dictionary<string, (HistogramDiff Diff, string Reason)[]> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["icsnpp-opcua-binary__opcua_with-gap_with-handshake.pcap"] =
        [
            (new("function", 464, 1, 2), GapReason),
            (new("messageType", Array.IndexOf(MessageTypes, "MSG"), 225, 226), "The same CreateSessionResponse."),
        ],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedCaptures.Captures("opcua")) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_MatchesTshark_OrDiffersOnlyAsExplained(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("opcua"), capture);
        var truth = TsharkTruth.Load(path);
        var details = Details(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "opcua").ToList();

        var diffs = HistogramDiff.Compare("function", truth.Histogram("opcua", "opcua.servicenodeid.numeric"), EventLog.Histogram(events, "opcua", "function"))
            .Concat(HistogramDiff.Compare("messageType", TruthMessageTypes(details), Count(events.Select(e => Array.IndexOf(MessageTypes, e.GetProperty("messageType").GetString())))))
            .ToList();

        var expected = KnownDifferences.TryGetValue(capture, out var known) ? known.Select(k => k.Diff).ToList() : [];
        Assert.True(expected.SequenceEqual(diffs),
            $"{capture}: expected differences [{string.Join("; ", expected)}] but found [{string.Join("; ", diffs)}]");
        Assert.All(events, e => Assert.Empty(e.GetProperty("anomalies").EnumerateArray()));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_HelloEndpointsAndChannelPolicies_MatchTshark(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("opcua"), capture);
        var details = Details(path);
        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "opcua").ToList();

        var endpoints = events.Where(e => e.GetProperty("messageType").GetString() is "HEL" or "RHE")
            .Select(e => e.GetProperty("endpointUrl").GetString()!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Strings(details, "opcua.transport.endpoint"), endpoints);

        var policies = events.Where(e => e.GetProperty("messageType").GetString() == "OPN")
            .Select(e => e.GetProperty("securityPolicy").GetString()!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Strings(details, "opcua.security_policy"), policies);
    }

    /// <summary>
    /// GetEndpointsResponse endpoints as tshark 4.0.17 decodes them (frame 20 of the wireshark-freeze capture, frame 15
    /// of the python encrypted capture: <c>tshark -r FILE -Y opcua.servicenodeid.numeric==431 -T fields -e opcua.EndpointUrl
    /// -e opcua.SecurityPolicyUri -e opcua.MessageSecurityMode -e opcua.ApplicationUri -e opcua.ProductUri</c>).
    /// tshark lists each endpoint's SecurityPolicyUri followed by those of its UserTokenPolicies: in the freeze capture
    /// "None,Basic256,Basic128Rsa15,,Basic128Rsa15,,Basic256,,Basic256," is five endpoints (None, Basic128Rsa15 ×2,
    /// Basic256 ×2), the first one's Anonymous token policy naming Basic256.
    /// </summary>
    [Theory]
    [InlineData("ICS-Security-Tools__opc-ua-ap-method-wireshark-freeze.pcap", "opc.tcp://vm-xp-steven:12001/StackTestServer/AnsiC/2048",
        "None/1,Basic128Rsa15/3,Basic128Rsa15/2,Basic256/3,Basic256/2", "http://vm-xp-steven/UA StackTest Server (AnsiC/2048)", null)]
    [InlineData("icsnpp-opcua-binary__python_opcua-client-server_encrypted.pcap", "opc.tcp://127.0.0.1:4840/freeopcua/server/",
        "None/1,Basic256Sha256/3,Basic256Sha256/2", "urn:freeopcua:python:server", "urn:freeopcua.github.io:python:server")]
    public void EventLog_GetEndpointsResponse_EndpointsMatchTshark(string capture, string url, string policiesAndModes, string applicationUri, string? productUri)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("opcua"), capture));
        var response = EventLog.Read(run.EventsPath).First(e => e.GetProperty("protocol").GetString() == "opcua"
            && e.GetProperty("function").ValueKind == JsonValueKind.Number && e.GetProperty("function").GetInt32() == 431);
        var endpoints = response.GetProperty("endpoints").EnumerateArray().ToList();
        string[] modes = ["Invalid", "None", "Sign", "SignAndEncrypt"];
        var actual = string.Join(",", endpoints.Select(e =>
            e.GetProperty("securityPolicy").GetString()!.Split('#')[1] + "/" + Array.IndexOf(modes, e.GetProperty("securityMode").GetString())));
        Assert.Equal(policiesAndModes, actual);
        Assert.All(endpoints, e => Assert.Equal(url, e.GetProperty("endpointUrl").GetString()));
        Assert.All(endpoints, e => Assert.Equal(applicationUri, e.GetProperty("applicationUri").GetString()));
        Assert.All(endpoints, e => Assert.Equal(productUri, e.GetProperty("productUri").GetString()));
    }

    [Fact]
    public void Inventory_EncryptedCapture_ServerNamedFromApplicationDescription()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("opcua"), "icsnpp-opcua-binary__python_opcua-client-server_encrypted.pcap"));
        using var devices = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, "devices.json")));
        var device = Assert.Single(devices.RootElement.EnumerateArray());
        Assert.Equal("FreeOpcUa Python Server", device.GetProperty("name").GetString());
        Assert.Equal("urn:freeopcua.github.io:python:server", device.GetProperty("evidence").GetProperty("productCode").GetProperty("value").GetString());
    }

    [Fact]
    public void EventLog_EncryptedCapture_SecuredOpenIsEncryptedAndSignedMessagesDecoded()
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicFolder("opcua"), "icsnpp-opcua-binary__python_opcua-client-server_encrypted.pcap"));
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "opcua").ToList();
        const string Secured = "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256";
        var secured = events.Where(e => e.TryGetProperty("securityPolicy", out var p) && p.GetString() == Secured).ToList();
        // Two OPN (asymmetrically encrypted) and the Sign-mode session: CreateSession, ActivateSession, Browse.
        Assert.Equal(8, secured.Count);
        Assert.All(secured.Where(e => e.GetProperty("messageType").GetString() == "OPN"), e => Assert.True(e.GetProperty("encrypted").GetBoolean()));
        Assert.All(secured.Where(e => e.GetProperty("messageType").GetString() == "MSG"), e => Assert.False(e.GetProperty("encrypted").GetBoolean()));
        var activate = secured.Single(e => e.GetProperty("function").ValueKind == JsonValueKind.Number && e.GetProperty("function").GetInt32() == 467);
        Assert.Equal("Anonymous", activate.GetProperty("userTokenType").GetString());
    }

    private static JsonElement Details(string capturePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(capturePath + ".tshark.json"));
        return doc.RootElement.GetProperty("details").TryGetProperty("opcua", out var opcua) ? opcua.Clone() : default;
    }

    private static List<string> Strings(JsonElement details, string field)
        => details.ValueKind == JsonValueKind.Object && details.TryGetProperty(field, out var values)
            ? [.. values.EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal)]
            : [];

    private static SortedDictionary<int, int> TruthMessageTypes(JsonElement details)
    {
        var histogram = new SortedDictionary<int, int>();
        if (details.ValueKind == JsonValueKind.Object && details.TryGetProperty("opcua.transport.type", out var types))
            foreach (var type in types.EnumerateObject()) histogram[Array.IndexOf(MessageTypes, type.Name)] = type.Value.GetInt32();
        return histogram;
    }

    private static SortedDictionary<int, int> Count(IEnumerable<int> codes)
    {
        var histogram = new SortedDictionary<int, int>();
        foreach (var code in codes) histogram[code] = histogram.GetValueOrDefault(code) + 1;
        return histogram;
    }
}
