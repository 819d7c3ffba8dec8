using Microsoft.Data.Sqlite;

namespace OtSensor.Outputs.Store;

public sealed partial class SensorStore
{
    private const string UpsertDeviceSql = """
        INSERT INTO devices(key, name, vendor, operating_system, type, engineering_station, authorized, scanner, has_dynamic_address,
          programming_device, internet, purdue_level, subnet, subnet_name, first_seen, last_seen, packets_sent, packets_received,
          bytes_sent, bytes_received, model, firmware_version, primary_ip, run_id, first_run_id)
        VALUES($key, $name, $vendor, $os, $type, $es, $authorized, $scanner, $dynamic, $programming, $internet, $level, $subnet,
          $subnetName, $first, $last, $ps, $pr, $bs, $br, $model, $firmware, $ip, $run, $run)
        ON CONFLICT(key) DO UPDATE SET
          name = CASE WHEN excluded.name = excluded.key THEN name ELSE excluded.name END,
          vendor = COALESCE(excluded.vendor, vendor),
          operating_system = COALESCE(excluded.operating_system, operating_system),
          type = CASE WHEN excluded.type = 'Unknown' THEN type ELSE excluded.type END,
          engineering_station = MAX(engineering_station, excluded.engineering_station),
          authorized = excluded.authorized,
          scanner = MAX(scanner, excluded.scanner),
          has_dynamic_address = MAX(has_dynamic_address, excluded.has_dynamic_address),
          programming_device = MAX(programming_device, excluded.programming_device),
          internet = excluded.internet,
          purdue_level = COALESCE(excluded.purdue_level, purdue_level),
          subnet = COALESCE(excluded.subnet, subnet),
          subnet_name = COALESCE(excluded.subnet_name, subnet_name),
          first_seen = MIN(first_seen, excluded.first_seen),
          last_seen = MAX(last_seen, excluded.last_seen),
          base_packets_sent = CASE WHEN run_id = excluded.run_id THEN base_packets_sent ELSE packets_sent END,
          base_packets_received = CASE WHEN run_id = excluded.run_id THEN base_packets_received ELSE packets_received END,
          base_bytes_sent = CASE WHEN run_id = excluded.run_id THEN base_bytes_sent ELSE bytes_sent END,
          base_bytes_received = CASE WHEN run_id = excluded.run_id THEN base_bytes_received ELSE bytes_received END,
          packets_sent = (CASE WHEN run_id = excluded.run_id THEN base_packets_sent ELSE packets_sent END) + excluded.packets_sent,
          packets_received = (CASE WHEN run_id = excluded.run_id THEN base_packets_received ELSE packets_received END) + excluded.packets_received,
          bytes_sent = (CASE WHEN run_id = excluded.run_id THEN base_bytes_sent ELSE bytes_sent END) + excluded.bytes_sent,
          bytes_received = (CASE WHEN run_id = excluded.run_id THEN base_bytes_received ELSE bytes_received END) + excluded.bytes_received,
          model = COALESCE(excluded.model, model),
          firmware_version = COALESCE(excluded.firmware_version, firmware_version),
          primary_ip = COALESCE(excluded.primary_ip, primary_ip),
          run_id = excluded.run_id
        RETURNING id
        """;

    private const string UpsertAlertSql = """
        INSERT INTO alerts(run_id, run_alert_id, time, last_time, title, message, severity, engine, source_device, destination_device,
          source_address, destination_address, remediation, description, information, type, category, status, count, protocol, mitre, pcap_path)
        VALUES($run, $runAlert, $time, $last, $title, $message, $severity, $engine, $src, $dst, $srcAddress, $dstAddress, $remediation,
          $description, $information, $type, $category, $status, $count, $protocol, $mitre, $pcap)
        ON CONFLICT(run_id, run_alert_id) DO UPDATE SET
          last_time = MAX(last_time, excluded.last_time),
          message = excluded.message,
          count = base_count + excluded.count,
          source_device = excluded.source_device,
          destination_device = excluded.destination_device,
          status = CASE WHEN status_by_user = 1 THEN status ELSE excluded.status END,
          pcap_path = COALESCE(excluded.pcap_path, pcap_path)
        RETURNING id, count
        """;

    // An alert this run raises that an earlier run stored already (same type, title, ends and protocol): the row moves to
    // this run, keeping its count as the base the run's count adds to. Only while this run has no row of that alert.
    private const string AdoptAlertSql = """
        UPDATE alerts SET run_id = $run, run_alert_id = $runAlert, base_count = count
        WHERE NOT EXISTS (SELECT 1 FROM alerts x WHERE x.run_id = $run AND x.run_alert_id = $runAlert)
          AND id = (SELECT id FROM alerts WHERE type = $type AND source_address IS $srcAddress AND destination_address IS $dstAddress
                    AND run_id <> $run AND title = $title AND protocol IS $protocol ORDER BY id DESC LIMIT 1)
        """;

    /// <summary>Starts a run (one play of a capture): snapshots of it carry the returned id.</summary>
    public long BeginRun(long? captureId)
        => InTransaction((db, tx) => Scalar(db, tx, "INSERT INTO runs(capture_id, started) VALUES($c, $t) RETURNING id", ("$c", captureId), ("$t", Now())));

    /// <summary>The run of a capture that never finished (its process died mid-replay): replaying into it again rewrites
    /// the same alerts and events instead of adding copies. Null when the capture has none.</summary>
    public long? GetUnfinishedRun(long captureId)
    {
        using var db = OpenRead();
        long id = Scalar(db, null, "SELECT id FROM runs WHERE capture_id = $c AND finished IS NULL ORDER BY id DESC LIMIT 1", ("$c", captureId));
        return id == 0 ? null : id;
    }

    public void FinishRun(long runId)
        => InTransaction((db, tx) => NonQuery(db, tx, "UPDATE runs SET finished = $t WHERE id = $id", ("$t", Now()), ("$id", runId)));

    /// <summary>
    /// Writes one snapshot in one transaction: devices (upserted by primary address, their addresses, protocols and
    /// firmware replaced, evidence merged), connections, alerts (the user's triage kept), new events, traffic, baseline.
    /// When this returns the snapshot is durable. Returns the store's id and count of each of the snapshot's alerts (by the
    /// run's alert id), for a caller that passes them on (forwarding).
    /// </summary>
    public IReadOnlyDictionary<long, StoredAlert> WriteSnapshot(AnalysisSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        IReadOnlyDictionary<long, StoredAlert> written = new Dictionary<long, StoredAlert>();
        InTransaction((db, tx) =>
        {
            var deviceIds = WriteDevices(db, tx, snapshot.RunId, snapshot.Devices);
            if (snapshot.Final) RemoveMergedDevices(db, tx, snapshot.RunId, snapshot.Devices);
            WriteConnections(db, tx, snapshot.Connections, deviceIds);
            var stored = WriteAlerts(db, tx, snapshot.RunId, snapshot.Alerts, deviceIds);
            var alertIds = new Dictionary<long, long>(stored.Count);
            foreach (var (runAlert, row) in stored) alertIds[runAlert] = row.Id;
            written = stored;
            WriteEvents(db, tx, snapshot.RunId, snapshot.Events, alertIds);
            if (snapshot.TrafficMinute is long minute && (snapshot.PacketsDelta != 0 || snapshot.BytesDelta != 0))
                NonQuery(db, tx, """
                    INSERT INTO traffic(minute, packets, bytes) VALUES($m, $p, $b)
                    ON CONFLICT(minute) DO UPDATE SET packets = packets + excluded.packets, bytes = bytes + excluded.bytes
                    """, ("$m", minute - (((minute % 60_000) + 60_000) % 60_000)), ("$p", snapshot.PacketsDelta), ("$b", snapshot.BytesDelta));
            if (snapshot.Baseline is { } baseline) WriteBaseline(db, tx, baseline);
        });
        Interlocked.Increment(ref _inventoryVersion);
        return written;
    }

    private long _inventoryVersion;

    /// <summary>Changes whenever a snapshot was written: a response built from the inventory stays valid while it does not.</summary>
    public long InventoryVersion => Interlocked.Read(ref _inventoryVersion);

    private static Dictionary<int, int> WriteDevices(SqliteConnection db, SqliteTransaction tx, long runId, IReadOnlyList<DeviceRecord> devices)
    {
        var map = new Dictionary<int, int>(devices.Count);
        if (devices.Count == 0) return map;
        using var upsert = Command(db, tx, UpsertDeviceSql);
        string[] names = ["$key", "$name", "$vendor", "$os", "$type", "$es", "$authorized", "$scanner", "$dynamic", "$programming", "$internet",
            "$level", "$subnet", "$subnetName", "$first", "$last", "$ps", "$pr", "$bs", "$br", "$model", "$firmware", "$ip", "$run"];
        foreach (var n in names) upsert.Parameters.Add(new SqliteParameter(n, null));
        using var clearAddresses = Prepared(db, tx, "DELETE FROM device_addresses WHERE device_id = $d", "$d");
        using var removeProtocol = Prepared(db, tx, "DELETE FROM device_protocols WHERE device_id = $d AND protocol = $p AND source = $s", "$d", "$p", "$s");
        using var nextProtocol = Prepared(db, tx, "SELECT COALESCE(MAX(ordinal), -1) + 1 FROM device_protocols WHERE device_id = $d", "$d");
        using var clearFirmware = Prepared(db, tx, "DELETE FROM device_firmware WHERE device_id = $d", "$d");
        using var address = Prepared(db, tx, "INSERT INTO device_addresses(device_id, kind, ordinal, address) VALUES($d, $k, $o, $a)", "$d", "$k", "$o", "$a");
        using var protocol = Prepared(db, tx, """
            INSERT INTO device_protocols(device_id, ordinal, protocol_id, name, protocol, addresses, roles, source, confidence)
            VALUES($d, $o, $pid, $n, $p, $a, $r, $s, $c)
            """, "$d", "$o", "$pid", "$n", "$p", "$a", "$r", "$s", "$c");
        using var firmware = Prepared(db, tx, """
            INSERT INTO device_firmware(device_id, ordinal, address, module_address, serial, model, firmware_version, additional_data, rack, slot)
            VALUES($d, $o, $a, $m, $s, $model, $f, $x, $r, $slot)
            """, "$d", "$o", "$a", "$m", "$s", "$model", "$f", "$x", "$r", "$slot");
        using var evidence = Prepared(db, tx, """
            INSERT OR REPLACE INTO device_evidence(device_id, attribute, value, source, detail, confidence) VALUES($d, $a, $v, $s, $x, $c)
            """, "$d", "$a", "$v", "$s", "$x", "$c");
        foreach (var d in devices)
        {
            Set(upsert, d.Key, d.Name, d.Vendor, d.OperatingSystem, d.Type, d.EngineeringStation, d.Authorized, d.Scanner, d.HasDynamicAddress,
                d.ProgrammingDevice, d.Internet, d.PurdueLevel, d.Subnet, d.SubnetName, d.FirstSeen, d.LastSeen, d.PacketsSent,
                d.PacketsReceived, d.BytesSent, d.BytesReceived, d.Model, d.FirmwareVersion, d.IpAddresses.Count > 0 ? d.IpAddresses[0] : null, runId);
            int id = Convert.ToInt32(upsert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            map[d.Id] = id;
            Run(clearAddresses, id);
            // Firmware: the latest stated wins; a run that states none keeps the earlier one.
            if (d.Firmware.Count > 0) Run(clearFirmware, id);
            for (int i = 0; i < d.IpAddresses.Count; i++) Run(address, id, 0, i, d.IpAddresses[i]);
            for (int i = 0; i < d.MacAddresses.Count; i++) Run(address, id, 1, i, d.MacAddresses[i]);
            // Protocols merge across runs: each one the snapshot states replaces the same protocol from the same source.
            foreach (var p in d.Protocols)
            {
                Run(removeProtocol, id, p.Protocol, p.Source);
                Set(nextProtocol, id);
                long ordinal = Convert.ToInt64(nextProtocol.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                Run(protocol, id, ordinal, p.Id, p.Name, p.Protocol, JsonText.Strings(p.Addresses), JsonText.Strings(p.Roles), p.Source, p.Confidence);
            }
            for (int i = 0; i < d.Firmware.Count; i++)
            {
                var f = d.Firmware[i];
                Run(firmware, id, i, f.Address, f.ModuleAddress, f.Serial, f.Model, f.FirmwareVersion, f.AdditionalData, f.Rack, f.Slot);
            }
            foreach (var e in d.Evidence) Run(evidence, id, e.Attribute, e.Value, e.Source, e.Detail, e.Confidence);
        }
        return map;
    }

    /// <summary>
    /// The end of a run merges devices (a MAC-only host with the address it later got): devices this run created that its
    /// final inventory no longer holds are removed (their alerts keep their addresses, the device reference is cleared).
    /// </summary>
    private static void RemoveMergedDevices(SqliteConnection db, SqliteTransaction tx, long runId, IReadOnlyList<DeviceRecord> devices)
    {
        var keys = new List<string>(devices.Count);
        foreach (var d in devices) keys.Add(d.Key);
        NonQuery(db, tx, "DELETE FROM devices WHERE first_run_id = $run AND key NOT IN (SELECT value FROM json_each($keys))",
            ("$run", runId), ("$keys", JsonText.Strings(keys)));
    }

    private static void WriteConnections(SqliteConnection db, SqliteTransaction tx, IReadOnlyList<ConnectionRecord> connections, Dictionary<int, int> devices)
    {
        if (connections.Count == 0) return;
        using var upsert = Prepared(db, tx, """
            INSERT INTO connections(first_device_id, second_device_id, discovered, last_seen, ports, protocols, packets, bytes)
            VALUES($f, $s, $d, $l, $ports, $protocols, $p, $b)
            ON CONFLICT(first_device_id, second_device_id) DO UPDATE SET
              discovered = MIN(discovered, excluded.discovered), last_seen = MAX(last_seen, excluded.last_seen),
              ports = excluded.ports, protocols = excluded.protocols, packets = excluded.packets, bytes = excluded.bytes
            """, "$f", "$s", "$d", "$l", "$ports", "$protocols", "$p", "$b");
        foreach (var c in connections)
        {
            if (!devices.TryGetValue(c.FirstDeviceId, out var first) || !devices.TryGetValue(c.SecondDeviceId, out var second) || first == second) continue;
            Run(upsert, first, second, c.Discovered, c.LastSeen, JsonText.Numbers(c.Ports), JsonText.Protocols(c.Protocols), c.Packets, c.Bytes);
        }
    }

    private static Dictionary<long, StoredAlert> WriteAlerts(SqliteConnection db, SqliteTransaction tx, long runId, IReadOnlyList<AlertRecord> alerts, Dictionary<int, int> devices)
    {
        var map = new Dictionary<long, StoredAlert>(alerts.Count);
        if (alerts.Count == 0) return map;
        using var adopt = Prepared(db, tx, AdoptAlertSql, "$run", "$runAlert", "$type", "$srcAddress", "$dstAddress", "$title", "$protocol");
        using var upsert = Prepared(db, tx, UpsertAlertSql, "$run", "$runAlert", "$time", "$last", "$title", "$message", "$severity", "$engine",
            "$src", "$dst", "$srcAddress", "$dstAddress", "$remediation", "$description", "$information", "$type", "$category", "$status",
            "$count", "$protocol", "$mitre", "$pcap");
        foreach (var a in alerts)
        {
            int? src = a.SourceDevice is int s && devices.TryGetValue(s, out var sid) ? sid : null;
            int? dst = a.DestinationDevice is int d && devices.TryGetValue(d, out var did) ? did : null;
            Set(upsert, runId, a.Id, a.Time, a.LastTime, a.Title, a.Message, a.Severity, a.Engine, src, dst, a.SourceDeviceAddress,
                a.DestinationDeviceAddress, JsonText.Strings(a.RemediationSteps), a.Description, JsonText.Strings(a.Information), a.Type,
                a.Category, a.Status, a.Count, a.Protocol, JsonText.Mitre(a.Mitre), a.PcapPath);
            Set(adopt, runId, a.Id, a.Type, a.SourceDeviceAddress, a.DestinationDeviceAddress, a.Title, a.Protocol);
            adopt.ExecuteNonQuery();
            using var row = upsert.ExecuteReader();
            row.Read();
            map[a.Id] = new StoredAlert(row.GetInt64(0), row.GetInt64(1));
        }
        return map;
    }

    private static void WriteEvents(SqliteConnection db, SqliteTransaction tx, long runId, IReadOnlyList<EventRecord> events, Dictionary<long, long> alerts)
    {
        if (events.Count == 0) return;
        using var insert = Prepared(db, tx, """
            INSERT OR IGNORE INTO events(run_id, seq, timestamp, type, title, severity, owner, content, source_address, destination_address, alert_id)
            VALUES($run, $seq, $ts, $type, $title, $severity, $owner, $content, $src, $dst, $alert)
            """, "$run", "$seq", "$ts", "$type", "$title", "$severity", "$owner", "$content", "$src", "$dst", "$alert");
        foreach (var e in events)
        {
            long? alert = e.AlertId is long a && alerts.TryGetValue(a, out var stored) ? stored : null;
            Run(insert, runId, e.Sequence, e.Timestamp, e.Type, e.Title, e.Severity, e.Owner, e.Content, e.SourceAddress, e.DestinationAddress, alert);
        }
    }

    private static void WriteBaseline(SqliteConnection db, SqliteTransaction tx, string content)
        => NonQuery(db, tx, "INSERT INTO baseline(id, content, updated) VALUES(1, $c, $t) ON CONFLICT(id) DO UPDATE SET content = excluded.content, updated = excluded.updated",
            ("$c", content), ("$t", Now()));

    /// <summary>Replaces the stored baseline (baseline.json text).</summary>
    public void SaveBaseline(string content) => InTransaction((db, tx) => WriteBaseline(db, tx, content));

    /// <summary>The stored baseline (baseline.json text), or null before any run learned one.</summary>
    public string? LoadBaseline()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT content FROM baseline WHERE id = 1");
        return command.ExecuteScalar() as string;
    }

    /// <summary>Sets the PCAP file of an alert stored from a run (written after the run ended).</summary>
    public void SetAlertPcaps(long runId, IReadOnlyDictionary<long, string> runAlertPcaps)
    {
        ArgumentNullException.ThrowIfNull(runAlertPcaps);
        InTransaction((db, tx) =>
        {
            using var update = Prepared(db, tx, "UPDATE alerts SET pcap_path = $p WHERE run_id = $r AND run_alert_id = $a", "$p", "$r", "$a");
            foreach (var (alert, path) in runAlertPcaps) Run(update, path, runId, alert);
        });
    }

    private static SqliteCommand Prepared(SqliteConnection db, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = Command(db, tx, sql);
        foreach (var n in names) command.Parameters.Add(new SqliteParameter(n, null));
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        Set(command, values);
        command.ExecuteNonQuery();
    }
}
