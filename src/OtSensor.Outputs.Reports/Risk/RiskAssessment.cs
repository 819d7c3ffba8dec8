using System.Globalization;
using OtSensor.Analysis.Detection;
using OtSensor.Core.Protocols;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Reports.Model;

namespace OtSensor.Outputs.Reports.Risk;

/// <summary>Computes the risk assessment of sensor-reference §5.1 from a <see cref="ReportInput"/>.</summary>
/// <remarks>
/// Each finding kind of <see cref="RiskWeights"/> is counted from the inventory, connections, alerts and timeline;
/// its penalty follows the printed formula, and its gain is measured by recomputing the score without it.
/// Everything here is plain data (no PDF), so exports and the PDF print the same numbers.
/// </remarks>
public static class RiskAssessment
{
    /// <summary>A device reaching this many distinct controllers is "talking to many PLCs".</summary>
    public const int ManyPlcThreshold = 5;

    private static readonly HashSet<string> CleartextIndustrial = new(
        new[] { ProtocolId.Modbus, ProtocolId.Umas, ProtocolId.Dnp3, ProtocolId.S7Comm, ProtocolId.Enip, ProtocolId.Cip, ProtocolId.Bacnet,
            ProtocolId.Iec104, ProtocolId.Mms, ProtocolId.HartIp, ProtocolId.Ads, ProtocolId.Fins, ProtocolId.Srtp, ProtocolId.Melsec, ProtocolId.Fox }
        .Select(ProtocolDisplayNames.Get), StringComparer.Ordinal);

    // Telnet counts once, as a credential protocol: each cause feeds one finding so fixing it moves one penalty.
    private static readonly Dictionary<int, string> CredentialPorts = new() { [21] = "FTP", [23] = "Telnet", [80] = "HTTP", [8080] = "HTTP", [161] = "SNMP v1/v2c", [110] = "POP3", [143] = "IMAP" };
    private static readonly Dictionary<int, string> RemoteAccessPorts = new() { [22] = "SSH", [3389] = "Remote desktop", [5900] = "VNC", [5901] = "VNC", [5938] = "TeamViewer" };

    public static ReportModel Build(ReportInput input, VulnerabilityKnowledge? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        knowledge ??= VulnerabilityKnowledge.Default;
        var byId = new Dictionary<int, ReportDevice>(input.Devices.Count);
        foreach (var d in input.Devices) byId[d.Id] = d;
        var counts = new int[RiskWeights.KindCount];
        var involved = new HashSet<int>[RiskWeights.KindCount];
        for (int i = 0; i < involved.Length; i++) involved[i] = [];
        var evidence = new string[RiskWeights.KindCount];
        var tables = new Dictionary<string, ReportTable>(StringComparer.Ordinal);
        var perDevice = new Dictionary<int, DeviceVulnerabilities>();

        // Devices: known vulnerabilities, unknown firmware.
        var vulnRows = new List<string[]>();
        int notCheckable = 0;
        foreach (var d in input.Devices)
        {
            if (d.IsInternet) continue;
            if (d.Vendor.Length == 0 || d.Model.Length == 0)
            {
                if (d.IsController) notCheckable++;
            }
            else
            {
                var matches = knowledge.Match(d.Vendor, d.Model, d.Firmware, out bool unknown);
                if (matches.Count > 0)
                {
                    counts[(int)FindingKind.KnownVulnerabilities]++;
                    involved[(int)FindingKind.KnownVulnerabilities].Add(d.Id);
                    Of(d.Id).Cves.AddRange(matches);
                    foreach (var m in matches)
                        vulnRows.Add([Label(d), d.Vendor, d.Model, Or(d.Firmware, "unknown"), m.Cve, m.Cvss.ToString("0.0", CultureInfo.InvariantCulture),
                            m.Advisory, (unknown && m.FirmwareMax != "*" ? "Firmware unknown: possibly affected. " : "") + m.Summary]);
                }
            }
            if (d.IsController && d.Firmware.Length == 0)
            {
                counts[(int)FindingKind.UnknownFirmware]++;
                involved[(int)FindingKind.UnknownFirmware].Add(d.Id);
            }
        }
        vulnRows.Sort((a, b) => string.CompareOrdinal(b[5], a[5]) is var c && c != 0 ? c : string.CompareOrdinal(a[0], b[0]));
        tables["vulnerabilities"] = new("vulnerabilities", "Vulnerable devices", ["Device", "Vendor", "Model", "Firmware", "CVE", "CVSS", "Advisory", "Note"],
            [2.2, 1.3, 1.3, 1, 1.4, 0.6, 1.3, 3.6], vulnRows);

        // Unauthorized / new devices: New Asset Detected alerts after learning.
        var unauthorizedRows = new List<string[]>();
        foreach (var a in input.Alerts)
        {
            if (!string.Equals(a.TypeId, "new-asset-detected", StringComparison.Ordinal)) continue;
            int id = a.SourceDeviceId;
            if (!involved[(int)FindingKind.UnauthorizedDevices].Add(id)) continue;
            Of(id).Unauthorized = true;
            counts[(int)FindingKind.UnauthorizedDevices]++;
            byId.TryGetValue(id, out var d);
            unauthorizedRows.Add([d is null ? a.Source : Label(d), d?.Type ?? "", d?.Vendor ?? "", Time(a.Time), a.Id.ToString(CultureInfo.InvariantCulture)]);
        }
        tables["unauthorized"] = new("unauthorized", "Unauthorized and new devices", ["Device", "Type", "Vendor", "First seen (UTC)", "Alert"],
            [3, 1.5, 1.5, 1.8, 0.6], unauthorizedRows);

        // Connections: cleartext, credentials, remote access, internet, cross-level, cross-subnet, many PLCs.
        var cleartextRows = new List<string[]>();
        var credentialRows = new List<string[]>();
        var remoteRows = new List<string[]>();
        var internetRows = new List<string[]>();
        var levelRows = new List<string[]>();
        var subnetRows = new List<string[]>();
        var controllersReached = new Dictionary<int, HashSet<int>>();
        foreach (var c in input.Connections)
        {
            if (!byId.TryGetValue(c.FirstId, out var a) || !byId.TryGetValue(c.SecondId, out var b)) continue;
            string protocols = string.Join(", ", c.Protocols);
            string ports = string.Join(", ", c.Ports.Take(8).Select(p => p.ToString(CultureInfo.InvariantCulture)));
            var insecure = c.Protocols.Where(CleartextIndustrial.Contains).ToList();
            if (insecure.Count > 0)
            {
                Count(FindingKind.CleartextProtocols, a, b);
                cleartextRows.Add([Label(a), Label(b), string.Join(", ", insecure), ports]);
            }
            foreach (var port in c.Ports)
            {
                if (CredentialPorts.TryGetValue(port, out var service))
                {
                    Count(FindingKind.CleartextCredentials, a, b);
                    Of(b.Id).PlainTextProtocols.Add((service, port));
                    credentialRows.Add([Label(a), Label(b), service, port.ToString(CultureInfo.InvariantCulture), "•••• (not extracted)"]);
                }
                if (RemoteAccessPorts.TryGetValue(port, out var remote))
                {
                    Count(FindingKind.RemoteAccess, a, b);
                    Of(b.Id).RemoteAccess.Add((port, a.Address, remote));
                    remoteRows.Add([Label(a), Label(b), remote, port.ToString(CultureInfo.InvariantCulture)]);
                }
            }
            if (a.IsInternet != b.IsInternet)
            {
                var inside = a.IsInternet ? b : a;
                var outside = a.IsInternet ? a : b;
                Count(FindingKind.InternetConnections, inside, inside);
                internetRows.Add([Label(inside), outside.Address, Or(protocols, ports), c.Packets.ToString("N0", CultureInfo.InvariantCulture)]);
                continue;
            }
            if (a.IsInternet) continue;
            if (a.PurdueLevel is { } la && b.PurdueLevel is { } lb && Math.Abs(Math.Floor(la) - Math.Floor(lb)) >= 1)
            {
                bool skip = Math.Abs(Math.Floor(la) - Math.Floor(lb)) >= 2;
                Count(skip ? FindingKind.LevelSkipping : FindingKind.CrossLevelConnections, a, b);
                levelRows.Add([Label(a), a.LevelText, Label(b), b.LevelText, skip ? "skips a level" : "adjacent", Or(protocols, ports)]);
            }
            string sa = a.Subnet, sb = b.Subnet;
            if (!string.Equals(sa, sb, StringComparison.Ordinal) && !sa.StartsWith("layer", StringComparison.Ordinal) && !sb.StartsWith("layer", StringComparison.Ordinal))
            {
                Count(FindingKind.CrossSubnetConnections, a, b);
                subnetRows.Add([Label(a), sa, Label(b), sb, Or(protocols, ports)]);
            }
            if (b.IsController && !a.IsController) Reach(a.Id, b.Id);
            else if (a.IsController && !b.IsController) Reach(b.Id, a.Id);
        }
        tables["cleartext"] = new("cleartext", "Insecure cleartext industrial protocols", ["Client", "Server", "Protocols", "Ports"], [3, 3, 2.5, 1.5], cleartextRows);
        tables["credentials"] = new("credentials", "Cleartext credential protocols", ["Client", "Server", "Service", "Port", "Credential"], [3, 3, 1.4, 0.7, 1.9], credentialRows);
        tables["remote-access"] = new("remote-access", "Remote access sessions", ["Client", "Server", "Service", "Port"], [3.5, 3.5, 1.8, 0.8], remoteRows);
        tables["internet"] = new("internet", "Internet connections", ["Internal device", "External address", "Protocols / ports", "Packets"], [3.5, 2.3, 2.5, 1.2], internetRows);
        tables["cross-level"] = new("cross-level", "Connections crossing Purdue levels", ["Device A", "Level", "Device B", "Level", "Kind", "Protocols"], [2.8, 0.6, 2.8, 0.6, 1.2, 2], levelRows);
        tables["cross-subnet"] = new("cross-subnet", "Connections between subnets", ["Device A", "Subnet", "Device B", "Subnet", "Protocols"], [2.6, 1.6, 2.6, 1.6, 1.6], subnetRows);

        var manyRows = new List<string[]>();
        foreach (var (client, targets) in controllersReached.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key))
        {
            if (targets.Count < ManyPlcThreshold) continue;
            var d = byId[client];
            counts[(int)FindingKind.ManyPlcs]++;
            involved[(int)FindingKind.ManyPlcs].Add(client);
            var names = targets.Take(12).Select(t => byId[t].Address);
            manyRows.Add([Label(d), Or(d.Type, "unknown"), targets.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", names) + (targets.Count > 12 ? $", and {targets.Count - 12} more" : "")]);
        }
        tables["many-plcs"] = new("many-plcs", $"Devices talking to {ManyPlcThreshold} or more PLCs", ["Device", "Type", "PLCs", "Controllers reached"], [2.6, 1.4, 0.6, 5.4], manyRows);

        // Programming and operational events (timeline), plus programming stations known to the inventory.
        var eventRows = new List<string[]>();
        foreach (var e in input.Events.OrderBy(e => e.Time))
        {
            FindingKind? kind = e.Type switch
            {
                TimelineEventType.ProgramDevice or TimelineEventType.ProgramUploadDevice => FindingKind.ProgrammingEvents,
                TimelineEventType.PlcStart or TimelineEventType.ControllerStop or TimelineEventType.ControllerReset
                    or TimelineEventType.S7PlcModeChange or TimelineEventType.PlcOperatingModeChanged => FindingKind.ControllerStateChanges,
                TimelineEventType.FirmwareUpdate or TimelineEventType.FirmwareChanged => FindingKind.FirmwareChanges,
                _ => null,
            };
            if (kind is null) continue;
            counts[(int)kind.Value]++;
            eventRows.Add([Time(e.Time), TimelineEventNames.Title(e.Type), e.Source, e.Destination, e.Content]);
        }
        foreach (var d in input.Devices)
            if (d.IsProgrammingStation) involved[(int)FindingKind.ProgrammingEvents].Add(d.Id);
        if (counts[(int)FindingKind.ProgrammingEvents] == 0) counts[(int)FindingKind.ProgrammingEvents] = involved[(int)FindingKind.ProgrammingEvents].Count;
        tables["events"] = new("events", "Programming and operational events", ["Time (UTC)", "Event", "Source", "Destination", "Detail"], [1.6, 1.8, 1.4, 1.4, 3.8], eventRows);

        // Alerts by severity (open ones count; New Asset Detected is already the unauthorized-devices finding).
        var alertRows = new List<string[]>(input.Alerts.Count);
        var byEngine = new int[5][];
        for (int i = 0; i < byEngine.Length; i++) byEngine[i] = new int[4];
        foreach (var a in input.Alerts)
        {
            byEngine[(int)a.Engine][(int)a.Severity]++;
            alertRows.Add([a.Id.ToString(CultureInfo.InvariantCulture), Time(a.Time), AlertNames.Engine(a.Engine), AlertNames.Severity(a.Severity), a.Title, a.Source, a.Destination, a.Mitre, a.IsOpen ? "open" : "closed"]);
            if (!a.IsOpen || string.Equals(a.TypeId, "new-asset-detected", StringComparison.Ordinal)) continue;
            var kind = a.Severity switch
            {
                AlertSeverity.Critical => FindingKind.CriticalAlerts,
                AlertSeverity.Major => FindingKind.MajorAlerts,
                AlertSeverity.Minor => FindingKind.MinorAlerts,
                _ => FindingKind.WarningAlerts,
            };
            counts[(int)kind]++;
            if (a.SourceDeviceId > 0) involved[(int)kind].Add(a.SourceDeviceId);
            if (a.DestinationDeviceId > 0) involved[(int)kind].Add(a.DestinationDeviceId);
        }
        tables["alerts"] = new("alerts", "Alerts", ["Id", "Time (UTC)", "Engine", "Severity", "Title", "Source", "Destination", "MITRE", "Status"],
            [0.5, 1.5, 1.2, 0.8, 3.2, 1.3, 1.3, 1, 0.6], alertRows);
        var (bins, overTime) = AlertBins(input.Alerts);

        // Findings: penalty from the formula, gain by recomputing without the finding.
        double total = 0;
        for (int k = 0; k < counts.Length; k++) total += RiskWeights.Penalty((FindingKind)k, counts[k]);
        double score = Math.Max(0, Math.Round(100 - total, 2));
        evidence[(int)FindingKind.KnownVulnerabilities] = $"{vulnRows.Count} CVE matches in {counts[(int)FindingKind.KnownVulnerabilities]} devices";
        var findings = new List<Finding>();
        for (int k = 0; k < counts.Length; k++)
        {
            if (counts[k] == 0) continue;
            var kind = (FindingKind)k;
            double penalty = RiskWeights.Penalty(kind, counts[k]);
            double gain = Math.Round(Math.Max(0, Math.Round(100 - (total - penalty), 2)) - score, 2);
            findings.Add(new Finding(kind, RiskWeights.Title(kind), RiskWeights.Category(kind), RiskWeights.RiskOf(kind), counts[k], penalty, gain,
                RiskWeights.Mitigation(kind), evidence[k] ?? Describe(kind, counts[k], involved[k].Count), involved[k].Order().ToList()));
        }
        findings.Sort((x, y) => y.Penalty.CompareTo(x.Penalty) is var c && c != 0 ? c : x.Kind.CompareTo(y.Kind));
        tables["findings"] = new("findings", "Findings ranked by risk", ["#", "Finding", "Category", "Risk", "Count", "Penalty", "Gain", "Mitigation"],
            [0.4, 2.6, 1, 0.7, 0.6, 0.7, 0.6, 4.4],
            findings.Select((f, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), f.Title, f.Category, f.Risk, f.Count.ToString(CultureInfo.InvariantCulture),
                Points(f.Penalty), "+" + Points(f.Gain), f.Mitigation }).ToList());

        var categories = RiskWeights.Categories.Select(cat =>
        {
            double max = Enumerable.Range(0, counts.Length).Where(k => RiskWeights.Category((FindingKind)k) == cat).Sum(k => RiskWeights.Weight((FindingKind)k));
            double pen = findings.Where(f => f.Category == cat).Sum(f => f.Penalty);
            return new CategoryScore(cat, Math.Round(100 * (1 - (pen / max)), 1), pen, max);
        }).ToList();

        // Per-device scores and bands.
        var deviceScores = new Dictionary<int, double>(input.Devices.Count);
        foreach (var d in input.Devices) deviceScores[d.Id] = 100;
        for (int k = 0; k < involved.Length; k++)
            foreach (var id in involved[k])
                if (deviceScores.TryGetValue(id, out var s)) deviceScores[id] = Math.Max(0, s - RiskWeights.Weight((FindingKind)k));
        var bands = new int[3];
        foreach (var s in deviceScores.Values) bands[s > 90 ? 0 : s >= 70 ? 1 : 2]++;

        // Data-mining device activity (sensor-reference §5.3): active in the last 24 hours of the capture, and silent for
        // 7 days or more before its end (a capture shorter than that has none).
        var activityEnd = input.CaptureEnd ?? (input.Devices.Count > 0 ? input.Devices.Max(d => d.LastSeen) : input.Generated);
        string[] ActivityRow(ReportDevice d) => [d.Address, d.Name, d.Type, d.Vendor, Time(d.FirstSeen), Time(d.LastSeen)];
        string[] activityHeaders = ["Address", "Name", "Type", "Vendor", "First seen (UTC)", "Last seen (UTC)"];
        double[] activityWidths = [1.6, 1.6, 1.3, 1.4, 1.5, 1.5];
        tables["active-devices"] = new("active-devices", "Active devices (last 24 hours)", activityHeaders, activityWidths,
            [.. input.Devices.Where(d => d.LastSeen >= activityEnd.AddHours(-24)).OrderBy(d => d.Id).Select(ActivityRow)]);
        tables["nonactive-devices"] = new("nonactive-devices", "Non-active devices (no communication for 7 days)", activityHeaders, activityWidths,
            [.. input.Devices.Where(d => d.LastSeen <= activityEnd.AddDays(-7)).OrderBy(d => d.Id).Select(ActivityRow)]);

        var inventoryRows = new List<string[]>(input.Devices.Count);
        foreach (var d in input.Devices.OrderBy(d => d.PurdueLevel ?? 99).ThenBy(d => d.Subnet, StringComparer.Ordinal).ThenBy(d => d.Id))
            inventoryRows.Add([d.Address, d.Mac, d.Name, d.Vendor, d.Model, d.Firmware, d.Type, d.LevelText, Points(deviceScores[d.Id]), d.Protocols]);
        tables["inventory"] = new("inventory", "Device inventory", ["Address", "MAC", "Name", "Vendor", "Model", "Firmware", "Type", "Level", "Score", "Protocols"],
            [1.5, 1.7, 1.4, 1.3, 1.3, 1, 1.2, 0.5, 0.6, 2.2], inventoryRows);

        return new ReportModel
        {
            Input = input,
            Score = score,
            Band = RiskWeights.Band(score),
            Findings = findings,
            Categories = categories,
            KnowledgeVersion = knowledge.Version,
            KnowledgeCoverage = knowledge.Coverage,
            KnowledgeEntries = knowledge.Entries.Count,
            DevicesNotCheckable = notCheckable,
            DeviceScores = deviceScores,
            DeviceBands = bands,
            AlertsByEngineSeverity = byEngine,
            AlertsOverTime = overTime,
            AlertBinStarts = bins,
            Tables = tables,
            Vulnerabilities = perDevice,
        };

        DeviceVulnerabilities Of(int id)
        {
            if (!perDevice.TryGetValue(id, out var v)) perDevice[id] = v = new DeviceVulnerabilities();
            return v;
        }

        void Count(FindingKind kind, ReportDevice x, ReportDevice y)
        {
            counts[(int)kind]++;
            involved[(int)kind].Add(x.Id);
            involved[(int)kind].Add(y.Id);
        }

        void Reach(int client, int controller)
        {
            if (!controllersReached.TryGetValue(client, out var set)) controllersReached[client] = set = [];
            set.Add(controller);
        }
    }

    /// <summary>Up to 12 equal time bins over the alerts' span, counts per severity.</summary>
    private static (List<DateTime> Starts, List<int[]> Counts) AlertBins(IReadOnlyList<ReportAlert> alerts)
    {
        var starts = new List<DateTime>();
        var bins = new List<int[]>();
        if (alerts.Count == 0) return (starts, bins);
        var first = alerts.Min(a => a.Time);
        var last = alerts.Max(a => a.Time);
        long span = Math.Max(1, (last - first).Ticks);
        int n = Math.Min(12, Math.Max(1, alerts.Count));
        long width = (span / n) + 1;
        for (int i = 0; i < n; i++)
        {
            starts.Add(first.AddTicks(width * i));
            bins.Add(new int[4]);
        }
        foreach (var a in alerts) bins[(int)Math.Min(n - 1, (a.Time - first).Ticks / width)][(int)a.Severity]++;
        return (starts, bins);
    }

    private static string Describe(FindingKind kind, int count, int devices)
        => kind switch
        {
            FindingKind.CleartextProtocols or FindingKind.CleartextCredentials or FindingKind.RemoteAccess or FindingKind.InternetConnections
                or FindingKind.LevelSkipping or FindingKind.CrossLevelConnections or FindingKind.CrossSubnetConnections
                => $"{count} connection{(count == 1 ? "" : "s")} involving {devices} device{(devices == 1 ? "" : "s")}",
            // Without a timeline (no detection) programming is counted from the stations the inventory saw programming.
            FindingKind.ProgrammingEvents => $"{count} programming event{(count == 1 ? "" : "s")} or station{(count == 1 ? "" : "s")}",
            FindingKind.ControllerStateChanges or FindingKind.FirmwareChanges => $"{count} event{(count == 1 ? "" : "s")}",
            FindingKind.CriticalAlerts or FindingKind.MajorAlerts or FindingKind.MinorAlerts or FindingKind.WarningAlerts
                => $"{count} open alert{(count == 1 ? "" : "s")}",
            _ => $"{count} device{(count == 1 ? "" : "s")}",
        };

    /// <summary>"192.168.1.10 (PLC-1)" or the bare address.</summary>
    public static string Label(ReportDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Name.Length > 0 ? $"{device.Address} ({device.Name})" : device.Address;
    }

    public static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
