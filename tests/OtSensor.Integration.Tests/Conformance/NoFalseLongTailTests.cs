using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// Recognition by content must not invent the long-tail protocols: for each of them, in every public capture where
/// tshark decodes none of it, OtSensor reports no PDU and no anomaly of it either. One engine run per capture checks
/// every long-tail protocol tshark does not see there (the per-protocol NoFalse tests in one pass, to keep the run short).
/// </summary>
public sealed class NoFalseLongTailTests
{
    /// <summary>Our protocol id, and the truth family and field whose emptiness means tshark saw none of it.</summary>
    private static readonly (string Protocol, string Family, string Field)[] Protocols =
    [
        ("hart-ip", "hart_ip", "hart_ip.message_id"),
        ("c37118", "c37_118", "synphasor.frtype"),
        ("ads", "beckhoff_ads", "ams.cmdid"),
        ("fins", "omron_fins", "omron.command"),
        // tshark 4.0 has no MC protocol/SLMP dissector, and no public capture holds SLMP: MELSEC must appear nowhere,
        // in particular not in the MELSOFT captures (ICS-Security-Tools melsoft_*), a different protocol.
        ("melsec", "melsec", "melsec.command"),
        // No public capture holds Niagara Fox (no tcp/1911 anywhere): it must appear nowhere.
        ("fox", "fox", "fox.command"),
        // No public capture holds GE SRTP (no tcp/18245 anywhere): it must appear nowhere.
        ("srtp", "srtp", "srtp.service"),
    ];

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            foreach (var path in SharedCaptures.Captures(family!))
                if (Absent(path).Count > 0) data.Add($"{family}/{Path.GetFileName(path)}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutTheProtocol_ReportsNone(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, capture);
        using var run = new AnalyzeRunner(path);
        foreach (var protocol in Absent(path))
        {
            Assert.False(run.Summary.Pdus.TryGetValue(protocol, out long pdus), $"{capture}: {pdus} {protocol} PDUs invented");
            Assert.DoesNotContain(run.Summary.Anomalies.Keys, k => k.StartsWith(protocol + ".", StringComparison.Ordinal));
        }
    }

    private static List<string> Absent(string path)
    {
        var truth = TsharkTruth.Load(path);
        return Protocols.Where(p => truth.Histogram(p.Family, p.Field).Count == 0).Select(p => p.Protocol).ToList();
    }
}
