using OtSensor.Outputs.Store;

namespace OtSensor.Store.Tests;

/// <summary>A store in a fresh temporary folder, and hand-made snapshots of a small plant.</summary>
internal sealed class StoreFixture : IDisposable
{
    public StoreFixture() => Directory = System.IO.Directory.CreateTempSubdirectory("otsensor-store-").FullName;

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, SensorStore.FileName);

    public SensorStore Open() => SensorStore.Open(Directory);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>
    /// An HMI (run id 1, 10.0.0.10) polling a PLC (run id 2, 10.0.0.11) over Modbus, one alert from the HMI to the PLC
    /// and two events; <paramref name="packets"/> scales the traffic so a later snapshot can differ.
    /// </summary>
    public static AnalysisSnapshot Plant(long runId, long packets = 100, string alertStatus = AlertStatuses.New, int eventsFrom = 0)
    {
        var hmi = new DeviceRecord
        {
            Id = 1,
            Key = "10.0.0.10",
            Name = "10.0.0.10",
            IpAddresses = ["10.0.0.10"],
            MacAddresses = ["00:80:f4:00:00:10"],
            Type = "HMI",
            PurdueLevel = 2,
            Subnet = "10.0.0.0/24",
            SubnetName = "10.0.0.0/24",
            FirstSeen = 1_000,
            LastSeen = 60_000,
            PacketsSent = packets,
            PacketsReceived = packets,
            BytesSent = packets * 60,
            BytesReceived = packets * 70,
            Protocols = [new DeviceProtocolRecord(1, "MODBUS", "modbus", [], ["master"], "decoded", 95)],
        };
        var plc = new DeviceRecord
        {
            Id = 2,
            Key = "10.0.0.11",
            Name = "PLC-1",
            IpAddresses = ["10.0.0.11"],
            MacAddresses = ["00:80:f4:00:00:a0"],
            Vendor = "Schneider Electric",
            Type = "PLC",
            PurdueLevel = 1,
            Subnet = "10.0.0.0/24",
            SubnetName = "10.0.0.0/24",
            FirstSeen = 1_010,
            LastSeen = 60_010,
            PacketsSent = packets,
            PacketsReceived = packets,
            Model = "BMX P34 2020",
            FirmwareVersion = "2.7",
            Protocols = [new DeviceProtocolRecord(1, "MODBUS", "modbus", ["1"], ["slave"], "decoded", 95)],
            Firmware = [new DeviceFirmwareRecord("10.0.0.11", "N/A", "N/A", "BMX P34 2020", "2.7", "N/A", "N/A", "N/A")],
            Evidence = [new DeviceEvidenceRecord("vendor", "Schneider Electric", "modbus", "device identification", 90)],
        };
        var connection = new ConnectionRecord
        {
            FirstDeviceId = 1,
            SecondDeviceId = 2,
            Discovered = 1_000,
            LastSeen = 60_000,
            Ports = [502],
            Protocols = [new ConnectionProtocolRecord("modbus", ["Read Holding Registers"])],
            Packets = packets * 2,
            Bytes = packets * 130,
        };
        var alert = new AlertRecord
        {
            Id = 1,
            Time = 30_000,
            LastTime = 31_000,
            Title = "Modbus Exception",
            Message = "10.0.0.11 answered with an exception",
            Severity = "Major",
            Engine = "Protocol Violation",
            SourceDevice = 1,
            DestinationDevice = 2,
            SourceDeviceAddress = "10.0.0.10",
            DestinationDeviceAddress = "10.0.0.11",
            RemediationSteps = ["Check the HMI."],
            Description = "Illegal Commands",
            Information = ["modbus over port 502"],
            Type = "modbus-exception",
            Category = "Illegal Commands",
            Status = alertStatus,
            Count = packets / 10,
            Protocol = "modbus",
            Mitre = [new MitreRecord("T0814", "Denial of Service")],
        };
        EventRecord[] events =
        [
            new() { Sequence = 0, Timestamp = 1_000, Type = "DEVICE_CREATE", Title = "Device Detected", Severity = "INFO", Content = "10.0.0.10", SourceAddress = "10.0.0.10" },
            new() { Sequence = 1, Timestamp = 30_000, Type = "ALERT_REPORTED", Title = "Alert Detected", Severity = "ALERT", Content = "Modbus Exception", AlertId = 1 },
        ];
        return new AnalysisSnapshot
        {
            RunId = runId,
            Devices = [hmi, plc],
            Connections = [connection],
            Alerts = [alert],
            Events = events[eventsFrom..],
            PacketsDelta = packets,
            BytesDelta = packets * 100,
            TrafficMinute = 61_000,
        };
    }
}
