using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Inventory;

/// <summary>
/// Issue 5 Must show #2: identity attributes in devices.json match what tshark reads in the captures, each with the
/// message that stated it (<c>evidence.*.source</c> "&lt;protocol&gt;.identity", <c>detail</c> the decoder's message name).
/// MMS identify does not occur in the public captures (no <c>mms.vendorName</c> anywhere): it is covered by
/// OtSensor.Analysis.Tests' IdentityStatementTests on an annotated identify response.
/// </summary>
public sealed partial class IdentityEvidenceTests
{
    // Only captures whose truth shows the identity exchange (tshark is run on those alone, to keep the suite fast):
    // ENIP ListIdentity (command 0x63), S7 SZL reads (userdata group 4 subfunction 1), BACnet I-Am.
    public static TheoryData<string> EnipCaptures() => Captures("enip-cip", "enip_cip", "enip.command", "99");
    public static TheoryData<string> S7Captures() => Captures("s7comm", "s7comm", "s7comm.userdata.funcgroup_subfunc", "4/1");
    public static TheoryData<string> BacnetCaptures() => Captures("bacnet", "bacnet", "bacapp.i_am_devices", null);

    [Theory]
    [MemberData(nameof(EnipCaptures))]
    public void Devices_EnipListIdentity_ProductNameRevisionAndProfile(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("enip-cip"), capture);
        var replies = Tshark(path, "enip.lir.name", "ip.src", "enip.lir.name", "enip.lir.revision", "enip.lir.devtype");
        Assert.NotEmpty(replies);
        using var run = new InventoryRun(path);
        foreach (var r in replies)
        {
            var device = run.Find(r[0]) ?? throw new Xunit.Sdk.XunitException($"{capture}: {r[0]} is not a device");
            int revision = int.Parse(r[2], CultureInfo.InvariantCulture);
            AssertEvidence(device, "model", r[1], "enip.identity");
            AssertEvidence(device, "firmware", $"{revision >> 8}.{revision & 0xFF}", "enip.identity");
            // Profile 12 (communications adapter) on a 1756 chassis: the controller's network face.
            if (r[3] == "12" && r[1].StartsWith("1756-", StringComparison.Ordinal))
                Assert.Equal(("PLC", "plc-cip-chassis-adapter"), (device.GetProperty("type").GetString(), Evidence(device, "type").GetProperty("detail").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(S7Captures))]
    public void Devices_S7SzlIdentification_OrderNumberFirmwareAndNames(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("s7comm"), capture);
        var modules = SzlModuleIdentification(path);
        var components = Tshark(path, "s7comm.szl.001c.0007.cputypname", "ip.src", "s7comm.szl.001c.0001.name", "s7comm.szl.001c.0005.serialn", "s7comm.szl.001c.0007.cputypname");
        if (modules.Count == 0 && components.Count == 0) return;
        using var run = new InventoryRun(path);
        foreach (var (source, orderNumber, firmware) in modules)
        {
            var device = run.Find(source) ?? throw new Xunit.Sdk.XunitException($"{capture}: {source} is not a device");
            var product = AssertEvidence(device, "productCode", orderNumber, "s7comm.identity");
            Assert.Contains("0x0011", product.GetProperty("detail").GetString(), StringComparison.Ordinal);
            if (firmware is not null) AssertEvidence(device, "firmware", firmware, "s7comm.identity");
            Assert.Equal("PLC", device.GetProperty("type").GetString());
        }
        foreach (var c in components)
        {
            var device = run.Find(c[0]) ?? throw new Xunit.Sdk.XunitException($"{capture}: {c[0]} is not a device");
            AssertEvidence(device, "name", c[1], "s7comm.identity");
            AssertEvidence(device, "serial", c[2], "s7comm.identity");
            AssertEvidence(device, "model", c[3], "s7comm.identity");
            Assert.Equal(("PLC", 92), (device.GetProperty("type").GetString(), Evidence(device, "type").GetProperty("confidence").GetInt32()));
        }
    }

    [Theory]
    [MemberData(nameof(BacnetCaptures))]
    public void Devices_BacnetIAm_DeviceInstanceAsProtocolAddress(string capture)
    {
        var path = Path.Combine(SharedCaptures.PublicFolder("bacnet"), capture);
        // BACnet/IP I-Am by source IP; BACnet over 802.2 LLC (no IP) by source MAC. I-Ams relayed by a BACnet router
        // (NPDU with a source network: icsnpp bacnet_services.pcap, 30 MS/TP devices behind 00:e0:c9:00:10:a5) belong
        // to devices behind it that have no address of their own on this network.
        var iams = Tshark(path, "bacapp.unconfirmed_service == 0 && !bacnet.snet", "ip.src", "eth.src", "bacapp.instance_number")
            .Select(i => new[] { i[0].Length > 0 ? i[0] : i[1], i[2] }).ToList();
        Assert.NotEmpty(iams);
        using var run = new InventoryRun(path);
        foreach (var grouped in iams.GroupBy(i => i[0]))
        {
            // nDPI bacnet.pcap and icsnpp bacnet_services.pcap send I-Am from x.x.x.255 (made-up traces): a subnet
            // broadcast address is never a device (TalkerDevicesTests), so its instance has no device to sit on.
            if (grouped.Key.EndsWith(".255", StringComparison.Ordinal))
            {
                Assert.Null(run.Find(grouped.Key));
                continue;
            }
            var device = run.Find(grouped.Key) ?? throw new Xunit.Sdk.XunitException($"{capture}: {grouped.Key} is not a device");
            var bacnet = device.GetProperty("protocols").EnumerateArray().Single(p => p.GetProperty("protocol").GetString() == "bacnet");
            var addresses = bacnet.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()!).ToHashSet();
            Assert.True(grouped.Select(i => i[1]).ToHashSet().SetEquals(addresses), $"{capture} {grouped.Key}: tshark [{string.Join(",", grouped.Select(i => i[1]))}] ours [{string.Join(",", addresses)}]");
            // A BACnet workstation has a device object too: one that issued programming operations (file writes,
            // reinitialize) is an engineering station, every other I-Am sender a building controller.
            var type = device.GetProperty("type").GetString();
            Assert.Equal(device.GetProperty("engineeringStation").GetBoolean() ? "Engineering Station" : "Building Controller", type);
        }
    }

    [Fact]
    public void Devices_ModbusReadDeviceIdentification_VendorProductRevision()
    {
        // icsnpp modbus_example.pcap: 43/14 answer from 127.0.0.1, objects 0-2 (tshark modbus.object_str_value).
        var path = Path.Combine(SharedCaptures.PublicFolder("modbus"), "icsnpp-modbus__modbus_example.pcap");
        var answer = Assert.Single(Tshark(path, "modbus.object_str_value", "ip.src", "modbus.object_id", "modbus.object_str_value"));
        var ids = answer[1].Split(',');
        var values = answer[2].Split(',');
        using var run = new InventoryRun(path);
        var device = run.Find(answer[0]) ?? throw new Xunit.Sdk.XunitException($"{answer[0]} is not a device");
        var expected = new Dictionary<string, string> { ["0"] = "vendor", ["1"] = "productCode", ["2"] = "firmware" };
        for (int i = 0; i < ids.Length; i++)
        {
            var e = AssertEvidence(device, expected[ids[i]], values[i], "modbus.identity");
            Assert.StartsWith("modbus 43/14", e.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(values[0], device.GetProperty("vendor").GetString()); // the identity message beats any OUI
    }

    private static JsonElement AssertEvidence(JsonElement device, string attribute, string value, string source)
    {
        var e = Evidence(device, attribute);
        Assert.Equal((value, source, 90), (e.GetProperty("value").GetString(), e.GetProperty("source").GetString(), e.GetProperty("confidence").GetInt32()));
        Assert.False(string.IsNullOrEmpty(e.GetProperty("detail").GetString()));
        return e;
    }

    private static JsonElement Evidence(JsonElement device, string attribute)
        => device.GetProperty("evidence").TryGetProperty(attribute, out var e) ? e
            : throw new Xunit.Sdk.XunitException($"{device.GetProperty("name").GetString()}: no evidence for {attribute}");

    private static TheoryData<string> Captures(string family, string details, string field, string? key)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(SharedCaptures.PublicFolder(family)).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var truth = JsonDocument.Parse(File.ReadAllBytes(f + ".tshark.json"));
            if (!truth.RootElement.GetProperty("details").TryGetProperty(details, out var d) || !d.TryGetProperty(field, out var values)) continue;
            bool present = values.ValueKind == JsonValueKind.Array ? values.GetArrayLength() > 0 : key is not null && values.TryGetProperty(key, out _);
            if (present) data.Add(Path.GetFileName(f));
        }
        return data;
    }

    /// <summary>Distinct rows of <c>tshark -Y filter -T fields</c> (tab-separated fields, occurrences joined by commas).</summary>
    private static List<string[]> Tshark(string path, string filter, params string[] fields)
    {
        var args = new List<string> { "-n", "-r", path, "-Y", filter, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=," };
        foreach (var f in fields) { args.Add("-e"); args.Add(f); }
        var output = Run(args);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Select(l => l.Split('\t')).ToList();
    }

    /// <summary>
    /// SZL 0x0011 records from tshark's detail view (tshark 4.0 has no field for the order number): per sender, the
    /// MlfB of index 0x0001 and the firmware "V{Ausbg low byte}.{Ausbe high}.{Ausbe low}" of index 0x0007.
    /// </summary>
    private static List<(string Source, string OrderNumber, string? Firmware)> SzlModuleIdentification(string path)
    {
        var text = Run(["-n", "-r", path, "-Y", "s7comm.szl.xy11.0001.index", "-V"]);
        var result = new List<(string, string, string?)>();
        string? source = null, order = null, firmware = null;
        int index = -1, ausbg = -1;
        foreach (var line in text.Split('\n'))
        {
            if (SrcLine().Match(line) is { Success: true } src)
            {
                if (source is not null && order is not null) result.Add((source, order, firmware));
                (source, order, firmware) = (src.Groups[1].Value, null, null);
            }
            else if (IndexLine().Match(line) is { Success: true } idx) index = Convert.ToInt32(idx.Groups[1].Value, 16);
            else if (line.Contains("MlfB (Order number of the module): ", StringComparison.Ordinal) && index == 1)
                order = line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..].Trim();
            else if (line.Contains("Ausbg (", StringComparison.Ordinal)) ausbg = int.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            else if (line.Contains("Ausbe (", StringComparison.Ordinal) && index == 7)
            {
                int ausbe = int.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                firmware = $"V{ausbg & 0xFF}.{ausbe >> 8}.{ausbe & 0xFF}";
            }
        }
        if (source is not null && order is not null) result.Add((source, order, firmware));
        return result.Distinct().ToList();
    }

    private static string Run(List<string> args)
    {
        var start = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Result;
    }

    [GeneratedRegex(@"^Internet Protocol Version \d, Src: (\S+), Dst:")]
    private static partial Regex SrcLine();

    [GeneratedRegex(@"^\s+Index: .*\(0x([0-9a-fA-F]{4})\)\s*$")]
    private static partial Regex IndexLine();
}
