using OtSensor.Core.Time;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>
/// The plant's normal day: HMIs poll their controllers every half second, the historian every five seconds, the SCADA
/// server polls RTUs over DNP3 and receives IEC 104 measurements, the BMS workstation reads building controllers, the
/// engineering station reads identities now and then, and every Windows host resolves names and keeps its clock.
/// </summary>
public static class BaselineTraffic
{
    private static readonly TimeSpan HmiPeriod = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan HistorianPeriod = TimeSpan.FromSeconds(5);

    public static void Schedule(ScenarioContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var plant = ctx.Plant;
        var sim = ctx.Sim;
        foreach (var host in plant.AllHosts()) sim.Manifest.AddDevice(host);
        foreach (var io in plant.IoDevices) sim.Manifest.AddDevice(io.Host);

        int index = 0;
        foreach (var device in plant.FieldDevices)
        {
            var offset = TimeSpan.FromMilliseconds(20 + (index * 37));
            switch (device.Protocol)
            {
                case ControlProtocol.ModbusTcp:
                case ControlProtocol.S7Comm:
                case ControlProtocol.EtherNetIP:
                    Poll(ctx, plant.Hmis[index % plant.Hmis.Count], device, HmiPeriod, ctx.Start.Add(offset));
                    Poll(ctx, plant.Historian, device, HistorianPeriod, ctx.Start.Add(offset + TimeSpan.FromMilliseconds(11)));
                    break;
                case ControlProtocol.Dnp3:
                    PollDnp3(ctx, plant.ScadaServer, device, ctx.Start.Add(offset));
                    break;
                case ControlProtocol.Iec104:
                    Iec104Station(ctx, plant.ScadaServer, device, ctx.Start.Add(offset));
                    break;
                case ControlProtocol.Goose:
                    GoosePublishing(ctx, device, ctx.Start.Add(offset), index);
                    MmsStation(ctx, plant.ScadaServer, device, ctx.Start.Add(offset + TimeSpan.FromSeconds(2)));
                    break;
            }
            index++;
        }
        BuildingAutomation(ctx, plant.Hmis[0], ctx.Start.Add(TimeSpan.FromMilliseconds(5)));
        ProfinetCell(ctx, ctx.Start.Add(TimeSpan.FromMilliseconds(300)));
        OfficeChatter(ctx, ctx.Start.Add(TimeSpan.FromMilliseconds(150)));
        ProjectBackupReads(ctx, ctx.Start.Add(TimeSpan.FromSeconds(30)));
        OpcUaDiscovery(ctx, ctx.Start.Add(TimeSpan.FromSeconds(3)));
        // The engineering station's identity sweep is part of the plant's routine: it starts early enough (10 % of a short
        // run, at most 20 s in) for a sensor's first minute of learning to see it, however long the run.
        var sweepStart = ctx.Duration * 0.1;
        EngineeringReads(ctx, plant.EngineeringStation, ctx.Start.Add(sweepStart < TimeSpan.FromSeconds(20) ? sweepStart : TimeSpan.FromSeconds(20)));
        NameAndTime(ctx);
    }

    /// <summary>ARP, then a connection kept open and polled until the end of the run.</summary>
    public static void Poll(ScenarioContext ctx, Host client, FieldDevice device, TimeSpan period, Timestamp first)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(device);
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var server = device.Host;
        int cycle = 0;
        switch (device.Protocol)
        {
            case ControlProtocol.ModbusTcp:
            {
                var modbus = new ModbusClient(sim, new TcpConnection(sim, client, client.NextEphemeralPort(), server, ModbusClient.Port, random), (byte)device.Address, random);
                sim.At(first, () => modbus.Connection.Open(ArpTraffic.Resolve(sim, sim.Now, client, server).Add(Talk.Rtt), Talk.Rtt));
                Talk.EveryWhile(sim, first.Add(TimeSpan.FromMilliseconds(10)), period, 0.04, random, t =>
                {
                    if (ctx.IsSilent(server, t))
                    {
                        // The device went quiet: the last poll is retransmitted unanswered, then the master keeps asking ARP.
                        var end = modbus.ReadUnanswered(t, 3, 100, 10);
                        Talk.Every(sim, end.Add(TimeSpan.FromSeconds(10)), TimeSpan.FromSeconds(10), 0.0, random, a => ArpTraffic.Probe(sim, a, client, server.Address));
                        return false;
                    }
                    _ = (cycle++ % 4) switch
                    {
                        0 => modbus.Read(t, 3, 100, 10),
                        1 => modbus.Read(t, 1, 0, 16),
                        2 => modbus.Read(t, 4, 0, 8),
                        _ => modbus.Read(t, 2, 0, 16),
                    };
                    return true;
                });
                break;
            }
            case ControlProtocol.S7Comm:
            {
                var s7 = new S7Client(sim, new TcpConnection(sim, client, client.NextEphemeralPort(), server, S7Client.Port, random), random);
                sim.At(first, () => s7.Open(ArpTraffic.Resolve(sim, sim.Now, client, server).Add(Talk.Rtt)));
                Talk.Every(sim, first.Add(TimeSpan.FromMilliseconds(30)), period, 0.04, random, t => s7.ReadDataBlock(t, (ushort)(1 + (cycle++ % 3)), 0, 32));
                break;
            }
            case ControlProtocol.EtherNetIP:
            {
                string[] tags = ["Line1_Speed", "Line1_Temp", "Tank2_Level"];
                var enip = new EnipClient(sim, new TcpConnection(sim, client, client.NextEphemeralPort(), server, EnipClient.Port, random), random);
                sim.At(first, () => enip.Open(ArpTraffic.Resolve(sim, sim.Now, client, server).Add(Talk.Rtt)));
                Talk.Every(sim, first.Add(TimeSpan.FromMilliseconds(30)), period, 0.04, random, t => enip.ReadTag(t, tags[cycle++ % tags.Length]));
                break;
            }
        }
    }

    private static void PollDnp3(ScenarioContext ctx, Host master, FieldDevice rtu, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var dnp3 = new Dnp3Master(sim, new TcpConnection(sim, master, master.NextEphemeralPort(), rtu.Host, Dnp3Master.Port, random), 1, (ushort)rtu.Address, random);
        sim.At(first, () =>
        {
            var t = dnp3.Connection.Open(ArpTraffic.Resolve(sim, sim.Now, master, rtu.Host).Add(Talk.Rtt), Talk.Rtt);
            dnp3.IntegrityPoll(t.Add(TimeSpan.FromMilliseconds(5)));
        });
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(2)), TimeSpan.FromSeconds(2), 0.02, random, t => dnp3.EventPoll(t));
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(31)), TimeSpan.FromSeconds(60), 0.01, random, t => dnp3.IntegrityPoll(t));
    }

    private static void Iec104Station(ScenarioContext ctx, Host master, FieldDevice rtu, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var iec = new Iec104Master(sim, new TcpConnection(sim, master, master.NextEphemeralPort(), rtu.Host, Iec104Master.Port, random), (ushort)rtu.Address, random);
        sim.At(first, () =>
        {
            var t = iec.Connection.Open(ArpTraffic.Resolve(sim, sim.Now, master, rtu.Host).Add(Talk.Rtt), Talk.Rtt);
            t = iec.StartDataTransfer(t.Add(TimeSpan.FromMilliseconds(2)));
            iec.Interrogate(t.Add(TimeSpan.FromMilliseconds(5)), 8);
        });
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(3), 0.5, random, t => iec.Spontaneous(t, random.Next(1, 4)));
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(30)), TimeSpan.FromSeconds(30), 0.0, random, t => iec.TestFrame(t));
        Talk.Every(sim, first.Add(TimeSpan.FromMinutes(15)), TimeSpan.FromMinutes(15), 0.0, random, t => iec.Interrogate(t, 8));
    }

    /// <summary>An IED announces itself by gratuitous ARP and publishes a trip GOOSE: heartbeat every 2 s, a state change now and then.</summary>
    private static void GoosePublishing(ScenarioContext ctx, FieldDevice ied, Timestamp first, int index)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var name = ied.Host.Name.Replace("-", "", StringComparison.Ordinal);
        var publisher = new GoosePublisher(sim, ied.Host, (ushort)(0x3000 + index), $"{name}LD0/LLN0$GO$gcbTrip", $"{name}LD0/LLN0$DS_Trip", $"{name}_TRIP", 4);
        sim.At(first, () => ArpTraffic.Announce(sim, sim.Now, ied.Host));
        Talk.Every(sim, first.Add(TimeSpan.FromMilliseconds(50)), TimeSpan.FromSeconds(2), 0.0, random, t => publisher.Publish(t));
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(25)), TimeSpan.FromSeconds(30), 0.3, random, t => publisher.ChangeState(t.Add(TimeSpan.FromMilliseconds(500))));
    }

    /// <summary>
    /// The SCADA server keeps an MMS association with each IED: identify and browse once, then read the feeder's
    /// active power, reactive power and frequency in turn every 4 s.
    /// </summary>
    private static void MmsStation(ScenarioContext ctx, Host client, FieldDevice ied, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var mms = new MmsClient(sim, new TcpConnection(sim, client, client.NextEphemeralPort(), ied.Host, MmsClient.Port, random), random);
        sim.At(first, () =>
        {
            var t = mms.Associate(ArpTraffic.Resolve(sim, sim.Now, client, ied.Host).Add(Talk.Rtt));
            t = mms.Identify(t.Add(TimeSpan.FromMilliseconds(5)), ied.Host);
            mms.Browse(t.Add(TimeSpan.FromMilliseconds(5)), ied.Host);
        });
        string domain = MmsClient.Domain(ied.Host);
        (string Item, float Nominal)[] measurements = [("MMXU1$MX$TotW", 4.2e6f), ("MMXU1$MX$TotVAr", 1.1e6f), ("MMXU1$MX$Hz", 50f)];
        int cycle = 0;
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(4), 0.02, random, t =>
        {
            var (item, nominal) = measurements[cycle++ % measurements.Length];
            mms.ReadMeasurement(t, domain, item, nominal * (float)(1 + ((random.NextDouble() - 0.5) * 0.02)));
        });
    }

    /// <summary>
    /// The first S7 PLC is the IO controller of two ET 200SP stations: it finds them by DCP Identify every 5 minutes and
    /// exchanges cyclic RT data with each every 128 ms.
    /// </summary>
    private static void ProfinetCell(ScenarioContext ctx, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var controller = ctx.Plant.Speaking(ControlProtocol.S7Comm).First().Host;
        var devices = ctx.Plant.IoDevices;
        foreach (var device in devices) sim.At(first, () => ArpTraffic.Announce(sim, sim.Now, device.Host));
        uint xid = (uint)random.Next();
        Talk.Every(sim, first.Add(TimeSpan.FromMilliseconds(20)), TimeSpan.FromMinutes(5), 0.0, random, t => ProfinetTraffic.Identify(sim, t, controller, devices, xid++, random));
        ushort cycle = 0;
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(1)), TimeSpan.FromMilliseconds(128), 0.0, random, t =>
        {
            cycle += 128;
            for (int i = 0; i < devices.Count; i++)
            {
                ProfinetTraffic.Cyclic(sim, t.Add(TimeSpan.FromMicroseconds(i * 200)), controller, devices[i].Host, (ushort)(0x8000 + (2 * i)), cycle, random);
                ProfinetTraffic.Cyclic(sim, t.Add(TimeSpan.FromMicroseconds((i * 200) + 100)), devices[i].Host, controller, (ushort)(0x8001 + (2 * i)), cycle, random);
            }
        });
    }

    /// <summary>
    /// The operations workstation takes a DHCP lease from the domain controller and registers its NetBIOS name, reads a
    /// trend from the historian's web server every minute; the gateway advertises itself by LLDP every 30 s.
    /// </summary>
    private static void OfficeChatter(ScenarioContext ctx, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var plant = ctx.Plant;
        var workstation = plant.Workstations[0];
        sim.At(first, () =>
        {
            var t = NamingTraffic.DhcpLease(sim, sim.Now, workstation, plant.DnsServer, plant.Gateway, random);
            NamingTraffic.NetBiosRegistration(sim, t.Add(TimeSpan.FromMilliseconds(50)), workstation, random);
        });
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(30), 0.0, random,
            t => NamingTraffic.Lldp(sim, t, plant.Gateway, "GigabitEthernet1/0/1", "Cisco IOS XE Software, Version 17.9.4"));
        string historian = $"{plant.Historian.Name.ToLowerInvariant()}.{plant.DomainName}";
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(20)), TimeSpan.FromSeconds(60), 0.1, random, t =>
        {
            var tcp = new TcpConnection(sim, workstation, workstation.NextEphemeralPort(), plant.Historian, 80, random);
            NamingTraffic.HttpGet(sim, tcp, t, historian, "/api/trends/line1", "Microsoft-IIS/10.0", random);
        });
    }

    /// <summary>
    /// The engineering station opens the latest project archive on the file server's Engineering share every five
    /// minutes: SMB2 negotiate, NTLM login, tree connect, create/read/close, tree disconnect, logoff.
    /// </summary>
    private static void ProjectBackupReads(ScenarioContext ctx, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var plant = ctx.Plant;
        var station = plant.EngineeringStation;
        sim.At(first.Add(TimeSpan.FromMilliseconds(-5)), () => ArpTraffic.Resolve(sim, sim.Now, station, plant.FileServer));
        Talk.Every(sim, first, TimeSpan.FromMinutes(5), 0.0, random, t =>
        {
            var smb = new Smb2Client(new TcpConnection(sim, station, station.NextEphemeralPort(), plant.FileServer, Smb2Client.Port, random), random);
            t = smb.Connect(t);
            t = smb.Login(t.Add(TimeSpan.FromMilliseconds(1)), "PLANT", "engineer", plant.DomainName);
            t = smb.ConnectShare(t.Add(TimeSpan.FromMilliseconds(1)), "Engineering");
            t = smb.ReadFile(t.Add(TimeSpan.FromMilliseconds(2)), @"Projects\Line1\Line1_PLC_backup.zip", 24_576);
            smb.Disconnect(t.Add(TimeSpan.FromMilliseconds(50)));
        });
    }

    /// <summary>
    /// The SCADA server asks the historian's OPC UA server for its endpoints every five minutes; the first HMI's trend
    /// display opens an anonymous session each minute and reads three tags every 5 s for 50 s, then closes it.
    /// </summary>
    private static void OpcUaDiscovery(ScenarioContext ctx, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var client = ctx.Plant.ScadaServer;
        var server = ctx.Plant.Historian;
        Talk.Every(sim, first, TimeSpan.FromMinutes(5), 0.0, random, t =>
        {
            var tcp = new TcpConnection(sim, client, client.NextEphemeralPort(), server, OpcUaTraffic.Port, random);
            OpcUaTraffic.DiscoverEndpoints(sim, tcp, t, random);
        });
        var hmi = ctx.Plant.Hmis[0];
        (string, double)[] tags = [("Line1.Speed", 1450.0), ("Line1.Temperature", 72.5), ("Tank2.Level", 3.8)];
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(4)), TimeSpan.FromMinutes(1), 0.0, random, t =>
        {
            var tcp = new TcpConnection(sim, hmi, hmi.NextEphemeralPort(), server, OpcUaTraffic.Port, random);
            OpcUaTraffic.ReadingSession(sim, tcp, t, tags, 10, TimeSpan.FromSeconds(5), random);
        });
    }

    private static void BuildingAutomation(ScenarioContext ctx, Host workstation, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        var controllers = ctx.Plant.Speaking(ControlProtocol.Bacnet).ToArray();
        if (controllers.Length == 0) return;
        byte invoke = 0;
        Talk.Every(sim, first, TimeSpan.FromMinutes(10), 0.0, random, t =>
        {
            var answered = BacnetTraffic.WhoIs(sim, t, workstation, controllers, random);
            foreach (var controller in controllers)
                foreach (byte property in new byte[] { 77, 70, 44, 121 })
                {
                    answered = answered.Add(TimeSpan.FromMilliseconds(15));
                    answered = BacnetTraffic.ReadDeviceProperty(sim, answered, workstation, controller, property, invoke++, random);
                }
        });
        Talk.Every(sim, first.Add(TimeSpan.FromSeconds(2)), TimeSpan.FromSeconds(15), 0.05, random, t =>
        {
            foreach (var controller in controllers)
            {
                t = BacnetTraffic.ReadPresentValue(sim, t, workstation, controller.Host, 1, invoke++, random).Add(TimeSpan.FromMilliseconds(10));
            }
        });
    }

    /// <summary>The engineering station reads every controller's identity every 20 minutes, each over a short connection.</summary>
    private static void EngineeringReads(ScenarioContext ctx, Host station, Timestamp first)
    {
        var sim = ctx.Sim;
        var random = ctx.NewRandom();
        Talk.Every(sim, first, TimeSpan.FromMinutes(20), 0.0, random, t =>
        {
            foreach (var device in ctx.Plant.FieldDevices)
            {
                t = ReadIdentity(ctx, station, device, t, random).Add(TimeSpan.FromMilliseconds(200));
            }
        });
    }

    /// <summary>Opens a connection, reads the device's identity the way its protocol does, closes; returns the end time.</summary>
    public static Timestamp ReadIdentity(ScenarioContext ctx, Host client, FieldDevice device, Timestamp at, Random random)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(device);
        var sim = ctx.Sim;
        var server = device.Host;
        if (ctx.IsSilent(server, at)) return at;
        switch (device.Protocol)
        {
            case ControlProtocol.ModbusTcp:
            {
                var tcp = new TcpConnection(sim, client, client.NextEphemeralPort(), server, ModbusClient.Port, random);
                var modbus = new ModbusClient(sim, tcp, (byte)device.Address, random);
                var t = modbus.ReadIdentification(tcp.Open(at, Talk.Rtt).Add(TimeSpan.FromMilliseconds(1)), server);
                return tcp.Close(t.Add(TimeSpan.FromMilliseconds(20)), Talk.Rtt);
            }
            case ControlProtocol.S7Comm:
            {
                var tcp = new TcpConnection(sim, client, client.NextEphemeralPort(), server, S7Client.Port, random);
                var s7 = new S7Client(sim, tcp, random);
                var t = s7.ReadModuleIdentification(s7.Open(at).Add(TimeSpan.FromMilliseconds(1)), server);
                return tcp.Close(t.Add(TimeSpan.FromMilliseconds(20)), Talk.Rtt);
            }
            case ControlProtocol.EtherNetIP:
            {
                var tcp = new TcpConnection(sim, client, client.NextEphemeralPort(), server, EnipClient.Port, random);
                var enip = new EnipClient(sim, tcp, random);
                var t = enip.ReadProductName(enip.Open(at).Add(TimeSpan.FromMilliseconds(1)), server);
                return tcp.Close(t.Add(TimeSpan.FromMilliseconds(20)), Talk.Rtt);
            }
            case ControlProtocol.Goose:
            {
                var mms = new MmsClient(sim, new TcpConnection(sim, client, client.NextEphemeralPort(), server, MmsClient.Port, random), random);
                var t = mms.Identify(mms.Associate(at).Add(TimeSpan.FromMilliseconds(2)), server);
                return mms.Release(t.Add(TimeSpan.FromMilliseconds(20)));
            }
            default:
                return at;
        }
    }

    private static void NameAndTime(ScenarioContext ctx)
    {
        var sim = ctx.Sim;
        var plant = ctx.Plant;
        var random = ctx.NewRandom();
        var windows = plant.Hmis.Concat([plant.ScadaServer, plant.EngineeringStation, plant.Historian]).Concat(plant.Workstations).ToArray();
        string historianName = $"{plant.Historian.Name.ToLowerInvariant()}.{plant.DomainName}";
        for (int i = 0; i < windows.Length; i++)
        {
            var host = windows[i];
            var first = ctx.Start.Add(TimeSpan.FromMilliseconds(200 + (i * 97)));
            sim.At(first, () => ArpTraffic.Resolve(sim, ArpTraffic.Resolve(sim, sim.Now, host, plant.Gateway).Add(TimeSpan.FromMilliseconds(1)), host, plant.DnsServer));
            Talk.Every(sim, first.Add(TimeSpan.FromSeconds(1 + i)), TimeSpan.FromSeconds(60), 0.2, random,
                t => ItTraffic.DnsLookup(sim, t, host, plant.DnsServer, historianName, plant.Historian, random));
            Talk.Every(sim, first.Add(TimeSpan.FromSeconds(5 + i)), TimeSpan.FromSeconds(64), 0.0, random,
                t => ItTraffic.NtpQuery(sim, t, host, plant.NtpServer, random));
        }
    }
}
