using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// The Sentinel side in the repo: every Bicep template compiles with the Bicep CLI (served as a NuGet package,
/// downloaded by this project's restore), and every analytic rule is YAML with the fields Sentinel requires.
/// </summary>
public sealed class AzureTemplatesTests
{
    private static readonly string Azure = Path.Combine(RepoPaths.Forwarding, "Azure");
    private static readonly string[] Tactics = ["Collection", "CommandAndControl", "Discovery", "Execution", "Impact", "InitialAccess", "LateralMovement",
        "Persistence", "PrivilegeEscalation", "DefenseEvasion", "InhibitResponseFunction", "ImpairProcessControl", "Reconnaissance", "ResourceDevelopment",
        "CredentialAccess", "Exfiltration", "PreAttack"];

    public static TheoryData<string> BicepFiles => [.. Directory.GetFiles(Azure, "*.bicep").Select(f => Path.GetFileName(f))];
    public static TheoryData<string> RuleFiles => [.. Directory.GetFiles(Path.Combine(Azure, "rules"), "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task BicepBuild_Template_CompilesWithoutWarnings(string file)
    {
        var psi = new ProcessStartInfo(BicepPath(), ["build", Path.Combine(Azure, file), "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.True(stderr.Trim().Length == 0, stderr);
        using var arm = JsonDocument.Parse(await stdout);
        Assert.True(arm.RootElement.GetProperty("resources").GetArrayLength() > 0);
    }

    [Fact]
    public async Task BicepBuild_Main_HasTheWholePath()
    {
        var psi = new ProcessStartInfo(BicepPath(), ["build", Path.Combine(Azure, "main.bicep"), "--stdout"]) { RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        var json = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        foreach (var type in new[] { "Microsoft.EventHub/namespaces", "Microsoft.EventHub/namespaces/eventhubs", "Microsoft.EventHub/namespaces/eventhubs/authorizationRules",
                     "Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables", "Microsoft.Insights/dataCollectionEndpoints",
                     "Microsoft.Insights/dataCollectionRules", "Microsoft.Insights/dataCollectionRuleAssociations", "Microsoft.SecurityInsights/onboardingStates",
                     "Microsoft.OperationalInsights/workspaces/savedSearches", "Microsoft.Insights/workbooks" })
            Assert.Contains($"\"type\": \"{type}\"", json, StringComparison.Ordinal);
        Assert.Contains("OtSensorAlerts_CL", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void AnalyticRule_Yaml_HasSentinelRequiredFields(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Azure, "rules", file))) yaml.Load(reader);
        var rule = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Text(string key) => ((YamlScalarNode)rule[key]).Value!;
        IEnumerable<string> List(string key) => ((YamlSequenceNode)rule[key]).Children.Select(c => ((YamlScalarNode)c).Value!);

        Assert.True(Guid.TryParse(Text("id"), out _));
        Assert.False(string.IsNullOrWhiteSpace(Text("name")));
        Assert.False(string.IsNullOrWhiteSpace(Text("description")));
        Assert.Contains(Text("severity"), new[] { "High", "Medium", "Low", "Informational" });
        Assert.Equal("Scheduled", Text("kind"));
        Assert.Matches(@"^\d+[mhd]$", Text("queryFrequency"));
        Assert.Matches(@"^\d+[mhd]$", Text("queryPeriod"));
        Assert.Contains(Text("triggerOperator"), new[] { "gt", "lt", "eq", "ne" });
        Assert.True(int.Parse(Text("triggerThreshold")) >= 0);
        Assert.Matches(@"^\d+\.\d+\.\d+$", Text("version"));
        Assert.NotEmpty(List("tactics"));
        Assert.All(List("tactics"), t => Assert.Contains(t, Tactics));
        Assert.All(List("relevantTechniques"), t => Assert.Matches(@"^T0\d{3}$", t));
        var query = Text("query");
        Assert.StartsWith("OtSensorSecurityAlert", query, StringComparison.Ordinal);
        var mappings = (YamlSequenceNode)rule["entityMappings"];
        Assert.NotEmpty(mappings.Children);
        foreach (YamlMappingNode mapping in mappings.Children.Cast<YamlMappingNode>())
        {
            Assert.False(string.IsNullOrEmpty(((YamlScalarNode)mapping["entityType"]).Value));
            foreach (YamlMappingNode field in ((YamlSequenceNode)mapping["fieldMappings"]).Children.Cast<YamlMappingNode>())
            {
                var column = ((YamlScalarNode)field["columnName"]).Value!;
                Assert.False(string.IsNullOrEmpty(((YamlScalarNode)field["identifier"]).Value));
                Assert.Matches(new Regex($@"\b{column}\b"), query);
            }
        }
    }

    [Fact]
    public void Workbook_Json_QueriesUseTheParserFunction()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azure, "workbook.json")));
        Assert.Equal("Notebook/1.0", doc.RootElement.GetProperty("version").GetString());
        var queries = doc.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("type").GetInt32() == 3)
            .Select(i => i.GetProperty("content").GetProperty("query").GetString()!).ToList();
        Assert.True(queries.Count >= 5);
        Assert.All(queries, q => Assert.StartsWith("OtSensorSecurityAlert", q, StringComparison.Ordinal));
    }

    [Fact]
    public void AnalyticRules_IdsAndNamesUnique()
    {
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Azure, "rules"), "*.yaml"))
        {
            var yaml = new YamlStream();
            using var reader = new StreamReader(file);
            yaml.Load(reader);
            ids.Add(((YamlScalarNode)((YamlMappingNode)yaml.Documents[0].RootNode)["id"]).Value!);
        }
        Assert.True(ids.Count >= 6);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>The bicep binary from the NuGet package this project downloads (platform-notes "Bicep").</summary>
    private static string BicepPath()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(root, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
        Assert.True(File.Exists(path), $"{path} missing: restore tests/OtSensor.Forwarding.Tests");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }
}
