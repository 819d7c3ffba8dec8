using OtSensor.Core.Net;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Plant;

/// <summary>
/// Draws a plant from a seed: how many controllers of each protocol, which real product each one is (vendor OUI,
/// model, firmware, the identity its protocol reports), and the addresses of every level. Same seed, same plant.
/// </summary>
/// <remarks>
/// Address plan (host order): level 1 control 10.20.1.0/24, level 2 supervisory 10.20.2.0/24, level 3 operations
/// 10.20.3.0/24, IT services 10.20.4.0/24. MAC prefixes are the vendors' IEEE OUIs (ieee-data oui.txt).
/// </remarks>
public static class PlantBuilder
{
    private sealed record Product(string Vendor, uint Oui, string Model, string Firmware, int VendorId = 0, int ProductCode = 0, int DeviceType = 0);

    private static readonly Product[] ModbusPlcs =
    [
        new("Schneider Electric", 0x0080F4, "BMX P34 2020", "v3.20"),
        new("Schneider Electric", 0x0080F4, "TM241CE40R", "v5.1.9.34"),
        new("WAGO", 0x0030DE, "750-8202 PFC200", "03.10.08"),
        new("Phoenix Contact", 0x00A045, "AXC F 2152", "2023.0.4"),
    ];

    private static readonly Product[] S7Plcs =
    [
        new("Siemens", 0x001B1B, "6ES7 315-2EH14-0AB0", "V3.2.6"),
        new("Siemens", 0x000E8C, "6ES7 414-3XM05-0AB0", "V5.3.1"),
        new("Siemens", 0x001B1B, "6ES7 317-2EK14-0AB0", "V3.3.8"),
    ];

    private static readonly Product[] EnipPlcs =
    [
        new("Rockwell Automation", 0x0000BC, "1756-L61/B LOGIX5561", "20.11", VendorId: 1, ProductCode: 54, DeviceType: 14),
        new("Rockwell Automation", 0x001D9C, "1769-L33ER/A LOGIX5333ER", "30.12", VendorId: 1, ProductCode: 106, DeviceType: 14),
        new("Rockwell Automation", 0x0000BC, "1756-L73/B LOGIX5573", "32.11", VendorId: 1, ProductCode: 94, DeviceType: 14),
    ];

    private static readonly Product[] Dnp3Rtus =
    [
        new("Schweitzer Engineering Laboratories", 0x0030A7, "SEL-3530 RTAC", "R148"),
        new("Schweitzer Engineering Laboratories", 0x0030A7, "SEL-651R", "R412"),
    ];

    private static readonly Product[] Iec104Rtus =
    [
        new("Siemens", 0x000E8C, "SICAM A8000 CP-8050", "V05.30"),
        new("ABB", 0x001B45, "RTU560 560CMG10", "13.2.1"),
    ];

    private static readonly Product[] Ieds =
    [
        new("Schweitzer Engineering Laboratories", 0x0030A7, "SEL-487E", "R316"),
        new("ABB", 0x001B45, "REF615", "5.0 FP1"),
    ];

    private static readonly Product[] BacnetControllers =
    [
        new("Johnson Controls", 0x00108D, "MS-NAE5510-2", "10.1.0", VendorId: 5),
        new("Delta Controls", 0x0040AE, "eBCON", "4.40", VendorId: 8),
        new("Tridium", 0x0001F0, "JACE-8000", "4.10.0.154", VendorId: 36),
    ];

    public static PlantModel Build(int seed)
    {
        var random = new Random(seed);
        var hosts = new List<Host>();
        int nextMac = 0x10 + random.Next(0, 64);

        Host Make(string name, uint oui, uint address, DeviceKind kind, int level, Product? product = null, byte ttl = 64)
        {
            var mac = new MacAddress(((ulong)oui << 24) | (uint)((nextMac++ << 8) | random.Next(0, 256)));
            var host = new Host(name, mac, address, kind, level)
            {
                Vendor = product?.Vendor,
                Model = product?.Model,
                Firmware = product?.Firmware,
                Serial = product is null ? null : random.Next(0x10000000, int.MaxValue).ToString("X8", System.Globalization.CultureInfo.InvariantCulture),
                Ttl = ttl,
            };
            host.SeedCounters(random);
            hosts.Add(host);
            return host;
        }

        const uint control = (10u << 24) | (20u << 16) | (1u << 8);
        const uint supervisory = (10u << 24) | (20u << 16) | (2u << 8);
        const uint operations = (10u << 24) | (20u << 16) | (3u << 8);
        const uint services = (10u << 24) | (20u << 16) | (4u << 8);

        var field = new List<FieldDevice>();
        uint fieldHost = 10;
        void AddField(Product[] catalog, int min, int max, ControlProtocol protocol, DeviceKind kind, string prefix)
        {
            int count = random.Next(min, max + 1);
            for (int i = 0; i < count; i++)
            {
                var product = catalog[random.Next(catalog.Length)];
                var host = Make($"{prefix}-{i + 1:00}", product.Oui, control | fieldHost++, kind, 1, product);
                field.Add(new FieldDevice(host, protocol)
                {
                    Address = protocol switch
                    {
                        ControlProtocol.ModbusTcp => 1 + i,
                        ControlProtocol.Dnp3 => 10 + i,
                        ControlProtocol.Iec104 => 100 + i,
                        ControlProtocol.Bacnet => 1000 + random.Next(0, 9000),
                        _ => 0,
                    },
                    VendorId = product.VendorId,
                    ProductCode = product.ProductCode,
                    DeviceType = product.DeviceType,
                });
            }
        }
        AddField(ModbusPlcs, 2, 4, ControlProtocol.ModbusTcp, DeviceKind.Plc, "PLC-MB");
        AddField(S7Plcs, 1, 3, ControlProtocol.S7Comm, DeviceKind.Plc, "PLC-S7");
        AddField(EnipPlcs, 1, 3, ControlProtocol.EtherNetIP, DeviceKind.Plc, "PLC-AB");
        AddField(Dnp3Rtus, 1, 2, ControlProtocol.Dnp3, DeviceKind.Rtu, "RTU-DNP");
        AddField(Iec104Rtus, 1, 2, ControlProtocol.Iec104, DeviceKind.Rtu, "RTU-104");
        AddField(BacnetControllers, 1, 3, ControlProtocol.Bacnet, DeviceKind.BuildingController, "BMS");
        AddField(Ieds, 1, 2, ControlProtocol.Goose, DeviceKind.Ied, "IED");

        var dell = new Product("Dell", 0x001422, "OptiPlex 7090", "Windows 10 IoT Enterprise");
        var hp = new Product("Hewlett Packard", 0x001B78, "ProLiant DL360", "Windows Server 2019");
        int hmiCount = random.Next(1, 3);
        var hmis = new List<Host>();
        for (int i = 0; i < hmiCount; i++) hmis.Add(Make($"HMI-{i + 1:00}", dell.Oui, supervisory | (uint)(10 + i), DeviceKind.Hmi, 2, dell, ttl: 128));
        var scada = Make("SCADA-01", hp.Oui, supervisory | 20, DeviceKind.ScadaServer, 2, hp, ttl: 128);
        var engineering = Make("EWS-01", dell.Oui, supervisory | 50, DeviceKind.EngineeringStation, 2, dell, ttl: 128);
        var historian = Make("HIST-01", hp.Oui, operations | 10, DeviceKind.Historian, 3, hp, ttl: 128);
        var dns = Make("DC-01", hp.Oui, services | 10, DeviceKind.Server, 3, hp, ttl: 128);
        var gateway = Make("GW-01", 0x00000C, control | 1, DeviceKind.Switch, 2, new Product("Cisco", 0x00000C, "IE-3400-8T2S", "17.9.4"));
        var et200 = new Product("Siemens", 0x000E8C, "ET 200SP IM155-6PN ST", "V4.2.1");
        var ioDevices = new List<Traffic.ProfinetTraffic.IoDevice>();
        for (int i = 0; i < 2; i++)
        {
            var io = Make($"IO-{i + 1:00}", et200.Oui, control | (uint)(100 + i), DeviceKind.IoAdapter, 1, et200);
            ioDevices.Add(new Traffic.ProfinetTraffic.IoDevice(io, $"et200sp-{i + 1}", "ET200SP", 0x002A, 0x0313));
        }
        var workstations = new List<Host> { Make("WS-OPS-01", dell.Oui, operations | 50, DeviceKind.Workstation, 3, dell, ttl: 128) };
        var fileServer = Make("FS-01", hp.Oui, services | 20, DeviceKind.Server, 3, hp, ttl: 128);

        return new PlantModel
        {
            FieldDevices = field,
            Hmis = hmis,
            ScadaServer = scada,
            EngineeringStation = engineering,
            Historian = historian,
            DnsServer = dns,
            FileServer = fileServer,
            NtpServer = dns,
            Gateway = gateway,
            IoDevices = ioDevices,
            Workstations = workstations,
            ControlSubnet = control,
            DomainName = "plant.local",
        };
    }
}
