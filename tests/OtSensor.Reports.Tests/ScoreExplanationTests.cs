using OtSensor.Analysis.Detection;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Reports.Risk;

namespace OtSensor.Reports.Tests;

/// <summary>The score is explained: removing a finding's cause from the input raises the score by the finding's stated gain.</summary>
public sealed class ScoreExplanationTests
{
    public static TheoryData<FindingKind> Fixable => new()
    {
        FindingKind.InternetConnections,
        FindingKind.LevelSkipping,
        FindingKind.KnownVulnerabilities,
        FindingKind.CriticalAlerts,
        FindingKind.MajorAlerts,
        FindingKind.UnauthorizedDevices,
        FindingKind.RemoteAccess,
    };

    [Theory]
    [MemberData(nameof(Fixable))]
    public void Build_FindingCauseRemoved_ScoreRisesByStatedGain(FindingKind kind)
    {
        var input = SyntheticSite.WithRisks(SyntheticSite.Create(60));
        var before = RiskAssessment.Build(input);
        var finding = Assert.Single(before.Findings, f => f.Kind == kind);
        Assert.True(finding.Gain > 0);

        var after = RiskAssessment.Build(Fix(input, kind));

        Assert.DoesNotContain(after.Findings, f => f.Kind == kind);
        Assert.Equal(before.Score + finding.Gain, after.Score, 2);
        // The other findings did not move: their contributions are independent.
        foreach (var other in before.Findings.Where(f => f.Kind != kind))
            Assert.Equal(other.Penalty, Assert.Single(after.Findings, f => f.Kind == other.Kind).Penalty);
    }

    [Fact]
    public void Build_ContributionsSumToTheScoreDeficit()
    {
        var model = RiskAssessment.Build(SyntheticSite.WithRisks(SyntheticSite.Create(60)));
        Assert.Equal(Math.Max(0, 100 - model.Findings.Sum(f => f.Penalty)), model.Score, 2);
        Assert.Equal(RiskWeights.Band(model.Score), model.Band);
    }

    [Theory]
    [InlineData(95.0, "Secure")]
    [InlineData(90.0, "Needs improvement")]
    [InlineData(70.0, "Needs improvement")]
    [InlineData(69.9, "Vulnerable")]
    public void Band_Score_FollowsSensorBands(double score, string band) => Assert.Equal(band, RiskWeights.Band(score));

    [Fact]
    public void Penalty_OneAndTenOccurrences_HalfAndFullWeight()
    {
        Assert.Equal(6, RiskWeights.Penalty(FindingKind.InternetConnections, 1));
        Assert.Equal(12, RiskWeights.Penalty(FindingKind.InternetConnections, 10));
        Assert.Equal(12, RiskWeights.Penalty(FindingKind.InternetConnections, 500));
        Assert.Equal(0, RiskWeights.Penalty(FindingKind.InternetConnections, 0));
    }

    [Fact]
    public void Match_SiemensS71200OldFirmware_FindsAdvisoryAndFixedFirmwareDoesNot()
    {
        var knowledge = VulnerabilityKnowledge.Default;
        Assert.Contains(knowledge.Match("Siemens AG", "S7-1200 CPU 1214C", "V4.2.3", out _), v => v.Cve == "CVE-2022-38465");
        Assert.DoesNotContain(knowledge.Match("Siemens AG", "S7-1200 CPU 1214C", "V4.6.0", out _), v => v.Cve == "CVE-2022-38465");
        Assert.Contains(knowledge.Match("Siemens AG", "S7-1200 CPU 1214C", "", out bool unknown), v => v.Cve == "CVE-2022-38465");
        Assert.True(unknown);
        Assert.Empty(knowledge.Match("Acme", "Widget", "1.0", out _));
    }

    private static ReportInput Fix(ReportInput input, FindingKind kind) => kind switch
    {
        FindingKind.InternetConnections => input.With(connections: input.Connections.Where(c => !IsInternet(input, c)).ToList()),
        FindingKind.LevelSkipping => input.With(connections: input.Connections.Where(c => !(c.SecondId == 4 && input.Devices[c.FirstId - 1].PurdueLevel == 4)).ToList()),
        FindingKind.KnownVulnerabilities => input.With(devices: input.Devices.Select(d => d.Vendor == "Siemens" ? d with { Firmware = "V4.7.0", Model = "S7-1500 CPU 1516" } : d).ToList()),
        FindingKind.CriticalAlerts => input.With(alerts: input.Alerts.Where(a => a.Severity != AlertSeverity.Critical).ToList()),
        FindingKind.MajorAlerts => input.With(alerts: input.Alerts.Where(a => a.Severity != AlertSeverity.Major).ToList()),
        FindingKind.UnauthorizedDevices => input.With(alerts: input.Alerts.Where(a => a.TypeId != "new-asset-detected").ToList()),
        FindingKind.RemoteAccess => input.With(connections: input.Connections.Where(c => !c.Ports.Contains(3389)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static bool IsInternet(ReportInput input, ReportConnection c)
        => input.Devices.Any(d => d.IsInternet && (d.Id == c.FirstId || d.Id == c.SecondId));
}
