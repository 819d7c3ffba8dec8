using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// The MMS decoder sits behind every TPKT/COTP flow: in every public capture where tshark sees no MMS, OtSensor
/// reports none either (S7comm, S7comm-plus and all other families included).
/// </summary>
public sealed class NoFalseMmsTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var family in Directory.GetDirectories(SharedCaptures.PublicRoot!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (family is "mms") continue;
            foreach (var path in SharedCaptures.Captures(family!))
            {
                if (!File.ReadAllText(path + ".tshark.json").Contains("\"mms\"", StringComparison.Ordinal))
                    data.Add($"{family}/{Path.GetFileName(path)}");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Analyze_CaptureWithoutMms_ReportsNoMms(string capture)
    {
        using var run = new AnalyzeRunner(Path.Combine(SharedCaptures.PublicRoot!, capture));
        Assert.False(run.Summary.Pdus.TryGetValue("mms", out long mms), $"{capture}: {mms} MMS PDUs invented");
    }
}
