using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Every public capture in which tshark 4.0 decodes TLS: the cleartext handshake types (<c>-Y tls.handshake
/// -e tls.handshake.type</c>, without the encrypted handshake records tshark lists with no type) and the server names
/// asked for (<c>-e tls.handshake.extensions_server_name</c>) equal tshark's.
/// </summary>
public sealed class TlsConformanceTests
{
    private static readonly Dictionary<string, (Dictionary<int, int> Types, int ServerNames)> Expected = new(StringComparer.Ordinal)
    {
        ["enip-cip/ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap"] = ([], 0),
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-el1004.pcapng"] = (new() { [1] = 1, [2] = 1, [11] = 1, [12] = 1, [14] = 1, [16] = 1 }, 1),
        ["ethercat/ethercrab__rs-detect-slaves-ek1100-only.pcapng"] = (new() { [1] = 1, [2] = 1, [11] = 1, [12] = 1, [14] = 1, [16] = 1 }, 1),
        ["ethercat/ethercrab__soem-sdinfo-ek1100-el1004.pcapng"] = ([], 0),
        ["ethercat/ethercrab__soem-sdinfo-ek1100-only.pcapng"] = ([], 0),
        ["ethercat/ethercrab__soem-sdinfo-no-slaves.pcapng"] = ([], 0),
        ["ethercat/ethercrab__twincat-akd-nc-mode.pcapng"] = (new() { [1] = 33, [2] = 33, [4] = 7, [11] = 29, [12] = 29, [14] = 29, [16] = 29, [22] = 19 }, 10),
        ["ethercat/ethercrab__twincat-scan-devices-2.pcapng"] = (new() { [1] = 26, [2] = 26, [4] = 11, [11] = 19, [12] = 19, [14] = 19, [16] = 19, [22] = 10 }, 16),
        ["modbus/zeek__modbus-and-non-modbus-p502.pcap"] = (new() { [1] = 1 }, 0),
        ["other/icsnpp-hart-ip__hart-ip.pcap"] = ([], 0),
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void Expected_CoversEveryCaptureWithTls()
    {
        var with = Directory.GetDirectories(SharedCaptures.PublicRoot!)
            .SelectMany(f => SharedCaptures.Captures(Path.GetFileName(f)!).Select(p => $"{Path.GetFileName(f)}/{Path.GetFileName(p)}"))
            .Where(c => NamingTruth.ProtocolFrames(Path.Combine(SharedCaptures.PublicRoot!, c), "tls") > 0)
            .Order(StringComparer.Ordinal);
        Assert.Equal(with, Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EventLog_HandshakeTypesAndServerNames_MatchTshark(string capture)
    {
        // Captures with only application data or record fragments (mid-stream starts) have no cleartext handshake.
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        var records = NamingTruth.Records(run.EventsPath, "tls");
        var (types, names) = Expected[capture];
        Assert.Equal(new SortedDictionary<int, int>(types), NamingTruth.Functions(records));
        Assert.All(records, r => Assert.Equal(0, r.GetProperty("anomalies").GetArrayLength()));
        Assert.Equal(names, records.Select(r => NamingTruth.Text(r, "serverName")).Where(n => n is not null).Distinct().Count());
    }

    [Fact]
    public void EventLog_Certificate_SubjectCommonName()
    {
        // tshark -Y tls.handshake.type==11 -e x509sat.uTF8String: *.events.data.microsoft.com
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, "ethercat/ethercrab__rs-detect-slaves-ek1100-only.pcapng"));
        var records = NamingTruth.Records(run.EventsPath, "tls");
        Assert.Equal(["*.events.data.microsoft.com"], records.Select(r => NamingTruth.Text(r, "subjectCommonName")).Where(n => n is not null));
        Assert.Equal(["mobile.events.data.microsoft.com"], records.Select(r => NamingTruth.Text(r, "serverName")).Where(n => n is not null));
    }
}
