using System.Reflection;

namespace OtSensor.Architecture.Tests;

/// <summary>
/// Compile-time references point one way: capture → decode → protocols → analysis → outputs → host
/// (docs/model-codebases.md §4.2). Each assembly may reference only the OtSensor assemblies listed here.
/// </summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "OtSensor.Core", [] },
        { "OtSensor.Capture", ["OtSensor.Core"] },
        { "OtSensor.Decoding", ["OtSensor.Core"] },
        { "OtSensor.Protocols", ["OtSensor.Core"] },
        { "OtSensor.Analysis", ["OtSensor.Core", "OtSensor.Protocols"] },
        { "OtSensor.Engine", ["OtSensor.Core", "OtSensor.Capture", "OtSensor.Decoding", "OtSensor.Protocols", "OtSensor.Analysis"] },
        { "OtSensor.Outputs.Files", ["OtSensor.Core", "OtSensor.Analysis"] },
        // Forwarding reads alerts as alerts.json writes them (one mapping, OutboundAlert): no OtSensor reference at all.
        { "OtSensor.Outputs.Forwarding", [] },
        { "OtSensor.Outputs.Reports", ["OtSensor.Core", "OtSensor.Analysis", "OtSensor.Outputs.Files"] },
        // The store takes snapshots as plain records: it never sees the analysis objects' producers, let alone packets.
        { "OtSensor.Outputs.Store", ["OtSensor.Core", "OtSensor.Analysis"] },
        // A host, like the Cli: it runs the engine and every output behind `otsensor serve`.
        { "OtSensor.Server", ["OtSensor.Core", "OtSensor.Capture", "OtSensor.Decoding", "OtSensor.Protocols", "OtSensor.Analysis", "OtSensor.Engine",
            "OtSensor.Outputs.Files", "OtSensor.Outputs.Forwarding", "OtSensor.Outputs.Reports", "OtSensor.Outputs.Store"] },
        // The simulator writes captures; it never sees the sensor's decoders, so what it writes is checked independently.
        { "OtSensor.Simulation", ["OtSensor.Core"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Assembly_ReferencesOnlyUpstreamProjects(string assemblyName, string[] allowed)
    {
        var assembly = Assembly.Load(assemblyName);
        var ours = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("OtSensor.", StringComparison.Ordinal))
            .ToArray();
        var forbidden = ours.Except(allowed).ToArray();
        Assert.True(forbidden.Length == 0, $"{assemblyName} must not reference {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Outputs_NeverSeePacketsOrParsers()
    {
        foreach (var name in new[] { "OtSensor.Outputs.Files", "OtSensor.Outputs.Forwarding", "OtSensor.Outputs.Reports", "OtSensor.Outputs.Store" })
        {
            var refs = Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name).ToArray();
            Assert.DoesNotContain("OtSensor.Capture", refs);
            Assert.DoesNotContain("OtSensor.Decoding", refs);
            Assert.DoesNotContain("OtSensor.Engine", refs);
        }
    }

    [Fact]
    public void EveryProductionAssembly_IsCoveredByARule()
    {
        var srcDir = FindRepoFolder("src");
        // OtSensor.WebConsole holds the console's static files and compiles no code: nothing to reference or rule.
        var projects = Directory.GetDirectories(srcDir).Select(Path.GetFileName).Where(n => n != "OtSensor.Cli" && n != "OtSensor.WebConsole").ToArray();
        var covered = Allowed.Select(row => (string)row[0]).ToArray();
        Assert.Empty(projects.Except(covered));
    }

    [Fact]
    public void ProtocolFolders_DoNotReferenceEachOther_ExceptDownward()
    {
        // Protocols/<Name>/ types may use Registry and their own folder only (plus the downward layering below).
        // Registry is the hub: its sink interface names every protocol's message type, so it may use any folder.
        var assembly = Assembly.Load("OtSensor.Protocols");
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace?.StartsWith("OtSensor.Protocols.", StringComparison.Ordinal) == true))
        {
            var own = type.Namespace!;
            if (own == "OtSensor.Protocols.Registry") continue;
            foreach (var used in UsedTypes(type))
            {
                var ns = used.Namespace;
                if (ns is null || !ns.StartsWith("OtSensor.Protocols.", StringComparison.Ordinal)) continue;
                Assert.True(ns == own || ns == "OtSensor.Protocols.Registry" || Layering.Allows(own, ns),
                    $"{type.FullName} uses {used.FullName}");
            }
        }
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var f in type.GetFields(all)) yield return f.FieldType;
        foreach (var m in type.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
        }
        foreach (var i in type.GetInterfaces()) yield return i;
    }

    private static string FindRepoFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OtSensor.sln"))) return Path.Combine(dir.FullName, name);
        throw new DirectoryNotFoundException("OtSensor.sln not found above the test binary");
    }

    /// <summary>Allowed downward references between protocol folders (model-codebases §4.2: S7Comm → Cotp → Tpkt, Enip → Cip; the shared BER reader).</summary>
    private static class Layering
    {
        private static readonly (string From, string To)[] Edges =
        [
            ("OtSensor.Protocols.S7Comm", "OtSensor.Protocols.Cotp"),
            ("OtSensor.Protocols.S7Comm", "OtSensor.Protocols.Tpkt"),
            ("OtSensor.Protocols.Cotp", "OtSensor.Protocols.Tpkt"),
            ("OtSensor.Protocols.S7CommPlus", "OtSensor.Protocols.Cotp"),
            ("OtSensor.Protocols.S7CommPlus", "OtSensor.Protocols.Tpkt"),
            ("OtSensor.Protocols.Enip", "OtSensor.Protocols.Cip"),
            ("OtSensor.Protocols.Mms", "OtSensor.Protocols.Cotp"),
            ("OtSensor.Protocols.Mms", "OtSensor.Protocols.Ber"),
            ("OtSensor.Protocols.Goose", "OtSensor.Protocols.Ber"),
            ("OtSensor.Protocols.SampledValues", "OtSensor.Protocols.Ber"),
            // NetBIOS name service is the DNS message format (RFC 1002 §4.2); SNMP and X.509 in TLS reuse MMS's BER reader.
            ("OtSensor.Protocols.NetBios", "OtSensor.Protocols.Dns"),
            ("OtSensor.Protocols.Snmp", "OtSensor.Protocols.Ber"),
            ("OtSensor.Protocols.Tls", "OtSensor.Protocols.Ber"),
            // Naming: the JSON text/address writer shared by the IT naming protocols.
            ("OtSensor.Protocols.Dhcp", "OtSensor.Protocols.Naming"),
            ("OtSensor.Protocols.Dns", "OtSensor.Protocols.Naming"),
            ("OtSensor.Protocols.NetBios", "OtSensor.Protocols.Naming"),
            ("OtSensor.Protocols.Lldp", "OtSensor.Protocols.Naming"),
            ("OtSensor.Protocols.Cdp", "OtSensor.Protocols.Naming"),
            ("OtSensor.Protocols.Snmp", "OtSensor.Protocols.Naming"),
            ("OtSensor.Protocols.Http", "OtSensor.Protocols.Naming"),
            ("OtSensor.Protocols.Tls", "OtSensor.Protocols.Naming"),
        ];

        public static bool Allows(string from, string to) => Edges.Contains((from, to));
    }
}
