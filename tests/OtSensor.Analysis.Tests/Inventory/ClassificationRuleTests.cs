using System.Text;
using OtSensor.Analysis.Inventory.Rules;

namespace OtSensor.Analysis.Tests.Inventory;

/// <summary>
/// Issue 5 Must show #3: type, Purdue level and confidence from the embedded rule table, case by case.
/// Each case states only the evidence the rule needs, as the end-of-run classifier gathers it.
/// </summary>
public sealed class ClassificationRuleTests
{
    /// <summary>One case: a name, the facts, and the expected (type, level, confidence, rule) or null for no rule.</summary>
    public sealed record Case(string Name, Action<DeviceFacts> Facts, string? Type, int? Level, int Confidence, string? Rule)
    {
        public override string ToString() => Name;
    }

    private static readonly string[] Plcs = ["modbus"];

    public static TheoryData<Case> Cases() =>
    [
        new("PLC: S7comm server with SZL identification", f => { f.ServerOf.Add("s7comm"); f.IdentityFrom.Add("s7comm"); }, "PLC", 1, 90, "plc-s7-server-szl"),
        new("PLC: SZL module type names a CPU", f => { f.ServerOf.Add("s7comm"); f.IdentityFrom.Add("s7comm"); f.Model = "CPU 315-2 PN/DP"; }, "PLC", 1, 92, "plc-s7-cpu-module"),
        new("PLC: S7comm server without identity", f => f.ServerOf.Add("s7comm"), "PLC", 1, 75, "plc-s7-server"),
        new("PLC: S7comm-plus server", f => f.ServerOf.Add("s7commplus"), "PLC", 1, 75, "plc-s7-server"),
        new("Engineering station: program download over S7comm", f => { f.ClientOf.Add("s7comm"); f.Issued.Add("program_download"); }, "Engineering Station", 2, 85, "engineering-station-programming"),
        new("Engineering station: firmware update", f => { f.ClientOf.Add("modbus"); f.Issued.Add("firmware"); }, "Engineering Station", 2, 85, "engineering-station-programming"),
        new("Engineering station beats HMI: uploads programs while polling five PLCs", f => { f.ClientOf.Add("modbus"); f.IcsServersPolled = 5; f.Issued.Add("program_upload"); }, "Engineering Station", 2, 85, "engineering-station-programming"),
        new("Engineering station beats HMI: reads the identification of three PLCs while writing set points", f => { f.ClientOf.Add("modbus"); f.IcsServersPolled = 3; f.Issued.Add("identification"); f.Issued.Add("write"); }, "Engineering Station", 2, 72, "engineering-station-identifies-controllers"),
        new("HMI: polls four Modbus PLCs", f => { f.ClientOf.UnionWith(Plcs); f.IcsServersPolled = 4; }, "HMI", 2, 70, "hmi-polls-many-plcs"),
        new("HMI: polls one ENIP PLC (weaker)", f => { f.ClientOf.Add("enip"); f.IcsServersPolled = 1; }, "HMI", 2, 50, "hmi-polls-plc"),
        new("HMI: CIP identity profile 0x18", f => f.CipDeviceType = 24, "HMI", 2, 90, "hmi-cip-profile"),
        new("PLC: CIP identity profile 0x0E", f => { f.ServerOf.Add("enip"); f.CipDeviceType = 14; }, "PLC", 1, 90, "plc-cip-profile"),
        new("PLC: ControlLogix chassis adapter 1756-ENBT", f => { f.CipDeviceType = 12; f.Model = "1756-ENBT/A"; }, "PLC", 1, 75, "plc-cip-chassis-adapter"),
        new("I/O adapter: other CIP communications adapter", f => { f.CipDeviceType = 12; f.Model = "1734-AENT"; }, "I/O Adapter", 1, 70, "io-adapter-cip-profile"),
        new("Drive: CIP AC drive profile", f => f.CipDeviceType = 2, "Variable Frequency Drive", 0, 85, "drive-cip-profile"),
        new("PLC: Modbus slave", f => f.ServerOf.Add("modbus"), "PLC", 1, 60, "plc-modbus-server"),
        new("RTU: DNP3 outstation", f => f.ServerOf.Add("dnp3"), "RTU", 1, 80, "rtu-dnp3-outstation"),
        new("RTU: IEC 104 controlled station", f => f.ServerOf.Add("iec104"), "RTU", 1, 80, "rtu-iec104-controlled-station"),
        new("SCADA server: DNP3 master", f => f.ClientOf.Add("dnp3"), "SCADA Server", 2, 70, "scada-master-telecontrol"),
        new("IED: MMS server", f => f.ServerOf.Add("mms"), "IED", 1, 80, "ied-mms-server"),
        new("IED: GOOSE publisher", f => f.ClientOf.Add("goose"), "IED", 1, 80, "ied-goose-publisher"),
        new("SCADA server: MMS client", f => f.ClientOf.Add("mms"), "SCADA Server", 2, 65, "scada-mms-client"),
        new("PLC: PROFINET IO controller", f => f.ClientOf.Add("profinet-io"), "PLC", 1, 70, "plc-profinet-io-controller"),
        new("I/O adapter: PROFINET IO device", f => { f.ServerOf.Add("profinet-io"); f.ServerOf.Add("profinet-dcp"); }, "I/O Adapter", 1, 60, "io-device-profinet"),
        new("PLC: EtherCAT master", f => f.ClientOf.Add("ethercat"), "PLC", 1, 65, "plc-ethercat-master"),
        new("Building controller: BACnet device instance announced", f => { f.ClientOf.Add("bacnet"); f.ProtocolAddressOf.Add("bacnet"); }, "Building Controller", 1, 80, "building-controller-bacnet-device"),
        new("Building controller: answers BACnet", f => f.ServerOf.Add("bacnet"), "Building Controller", 1, 75, "building-controller-bacnet-server"),
        new("OPC server: OPC UA server", f => f.ServerOf.Add("opcua"), "OPC Server", 2, 70, "opc-server"),
        new("PLC by port only: CODESYS runtime", f => f.PortServerOf.Add("codesys"), "PLC", 1, 30, "plc-by-port"),
        new("RTU by port only: DNP3 port, not decoded", f => f.PortServerOf.Add("dnp3"), "RTU", 1, 30, "rtu-by-port"),
        new("HMI by port only: client of an undecoded BSAP port", f => f.PortClientOf.Add("bsap"), "HMI", 2, 25, "hmi-by-port-client"),
        new("Decoded role beats the port: Modbus slave also on an undecoded 502 flow", f => { f.ServerOf.Add("modbus"); f.PortServerOf.Add("modbus"); }, "PLC", 1, 60, "plc-modbus-server"),
        new("Historian: PI ports", f => f.ServerPorts.Add(5450), "Historian", 3, 60, "historian-pi"),
        new("Printer: raw printing port", f => f.ServerPorts.Add(9100), "Printer", 4, 60, "printer-ports"),
        new("Workstation: RDP server", f => f.ServerPorts.Add(3389), "Workstation", 4, 40, "workstation-rdp"),
        new("Domain controller: Kerberos and LDAP", f => f.ServerPorts.UnionWith([88, 389, 445]), "Domain Controller", 3, 60, "domain-controller"),
        new("Kerberos alone is not a domain controller", f => f.ServerPorts.Add(88), null, null, 0, null),
        new("OUI only: controller maker's card", f => f.OuiVendor = "Siemens AG", "PLC", 1, 25, "controller-oui"),
        new("OUI of a controller maker on a polling client is not a PLC", f => { f.OuiVendor = "Rockwell Automation"; f.ClientOf.Add("enip"); }, null, null, 0, null),
        new("OUI: camera maker", f => f.OuiVendor = "Axis Communications AB", "IP Camera", 4, 35, "camera-oui"),
        new("Identity beats OUI: S7 PLC with a Siemens card", f => { f.OuiVendor = "Siemens AG"; f.ServerOf.Add("s7comm"); f.IdentityFrom.Add("s7comm"); }, "PLC", 1, 90, "plc-s7-server-szl"),
        new("Internet address", f => f.Internet = true, "Internet", 5, 50, "internet-address"),
        new("Industrial role beats the internet rule", f => { f.Internet = true; f.ServerOf.Add("dnp3"); }, "RTU", 1, 80, "rtu-dnp3-outstation"),
        new("No evidence: unknown", _ => { }, null, null, 0, null),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_Case_GivesTypeLevelAndConfidence(Case c)
    {
        var facts = new DeviceFacts();
        c.Facts(facts);
        var result = ClassificationRuleSet.Default.Classify(facts);
        if (c.Type is null)
        {
            Assert.Null(result);
            return;
        }
        Assert.NotNull(result);
        Assert.Equal((c.Type, c.Level, c.Confidence, c.Rule), (result.Type, result.PurdueLevel, (int)result.Confidence, result.Rule.Id));
    }

    [Fact]
    public void Default_RuleTable_IdsUniqueAndEveryTypeHasALevel()
    {
        var rules = ClassificationRuleSet.Default;
        Assert.True(rules.Rules.Count >= 40);
        Assert.Equal(rules.Rules.Count, rules.Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules.Rules, r => Assert.InRange(rules.Levels[r.Type], 0, 5));
    }

    [Fact]
    public void Parse_UnknownCondition_Throws()
    {
        const string json = """{"types":{"PLC":1},"rules":[{"id":"x","type":"PLC","confidence":50,"description":"d","when":{"sever":["modbus"]}}]}""";
        var e = Assert.Throws<FormatException>(() => ClassificationRuleSet.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains("sever", e.Message);
    }

    [Fact]
    public void Parse_TypeMissingFromTypes_Throws()
    {
        const string json = """{"types":{"PLC":1},"rules":[{"id":"x","type":"Toaster","confidence":50,"description":"d","when":{"server":["modbus"]}}]}""";
        Assert.Throws<FormatException>(() => ClassificationRuleSet.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }
}
