using System.Text;
using Microsoft.Data.Sqlite;

namespace OtSensor.Outputs.Store;

public sealed partial class SensorStore
{
    private const string DeviceColumns = """
        d.id, d.key, d.name, d.vendor, d.operating_system, d.type, d.engineering_station, d.authorized, d.scanner, d.has_dynamic_address,
        d.programming_device, d.internet, d.purdue_level, d.subnet, d.subnet_name, d.first_seen, d.last_seen, d.packets_sent,
        d.packets_received, d.bytes_sent, d.bytes_received, d.model, d.firmware_version
        """;

    /// <summary>Devices matching <paramref name="query"/> with their addresses, protocols and firmware (and evidence when asked).</summary>
    public PagedResult<DeviceRecord> GetDevices(DeviceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var db = OpenRead();
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrEmpty(query.Search))
        {
            where.Append(" AND (d.name LIKE $search ESCAPE '\\' OR d.vendor LIKE $search ESCAPE '\\' OR d.type LIKE $search ESCAPE '\\'"
                + " OR d.model LIKE $search ESCAPE '\\' OR EXISTS (SELECT 1 FROM device_addresses a WHERE a.device_id = d.id AND a.address LIKE $search ESCAPE '\\'))");
            parameters.Add(("$search", "%" + EscapeLike(query.Search) + "%"));
        }
        if (!string.IsNullOrEmpty(query.Type))
        {
            where.Append(" AND d.type = $type");
            parameters.Add(("$type", query.Type));
        }
        if (query.PurdueLevel is int level)
        {
            where.Append(" AND d.purdue_level = $level");
            parameters.Add(("$level", level));
        }
        if (!string.IsNullOrEmpty(query.Protocol))
        {
            where.Append(" AND EXISTS (SELECT 1 FROM device_protocols p WHERE p.device_id = d.id AND (p.name = $protocol COLLATE NOCASE OR p.protocol = $protocol COLLATE NOCASE))");
            parameters.Add(("$protocol", query.Protocol));
        }
        if (query.Authorized is bool authorized)
        {
            where.Append(" AND d.authorized = $authorized");
            parameters.Add(("$authorized", authorized));
        }
        var pars = parameters.ToArray();
        long total = Scalar(db, null, "SELECT COUNT(*) FROM devices d" + where, pars);
        string order = query.Sort switch
        {
            "name" => "d.name COLLATE NOCASE",
            "ip" => "d.primary_ip",
            "type" => "d.type",
            "vendor" => "d.vendor",
            "lastSeen" => "d.last_seen",
            "purdueLevel" => "d.purdue_level",
            _ => "d.id",
        };
        string direction = query.Descending ? " DESC" : " ASC";
        var sql = "SELECT " + DeviceColumns + " FROM devices d" + where + " ORDER BY " + order + direction + ", d.id" + direction
            + (query.Limit is null ? "" : " LIMIT $limit OFFSET $offset");
        if (query.Limit is int limit)
        {
            parameters.Add(("$limit", limit));
            parameters.Add(("$offset", query.Offset));
        }
        var rows = new List<DeviceRow>();
        using (var command = Command(db, null, sql, parameters.ToArray()))
        using (var r = command.ExecuteReader())
            while (r.Read()) rows.Add(ReadDeviceRow(r));
        return new PagedResult<DeviceRecord>(total, Complete(db, rows, query.WithEvidence, all: query.Limit is null && parameters.Count == 0));
    }

    /// <summary>One device with its evidence, or null.</summary>
    public DeviceRecord? GetDevice(int id)
    {
        using var db = OpenRead();
        var rows = new List<DeviceRow>();
        using (var command = Command(db, null, "SELECT " + DeviceColumns + " FROM devices d WHERE d.id = $id", ("$id", id)))
        using (var r = command.ExecuteReader())
            while (r.Read()) rows.Add(ReadDeviceRow(r));
        return rows.Count == 0 ? null : Complete(db, rows, withEvidence: true, all: false)[0];
    }

    /// <summary>Store id of the device that has <paramref name="address"/> (IP or MAC), or null.</summary>
    public int? FindDeviceByAddress(string address)
    {
        using var db = OpenRead();
        long id = Scalar(db, null, "SELECT device_id FROM device_addresses WHERE address = $a LIMIT 1", ("$a", address));
        return id == 0 ? null : (int)id;
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>A device read, with the lists its child rows are added to.</summary>
    private sealed class DeviceRow
    {
        public required DeviceRecord Record;
        public required List<string> Ips;
        public required List<string> Macs;
        public required List<DeviceProtocolRecord> Protocols;
        public required List<DeviceFirmwareRecord> Firmware;
        public required List<DeviceEvidenceRecord> Evidence;
    }

    /// <summary>Typed column reads (no boxing): a listing of 10,000 devices reads 230,000 values.</summary>
    private static DeviceRow ReadDeviceRow(SqliteDataReader r)
    {
        List<string> ips = [], macs = [];
        List<DeviceProtocolRecord> protocols = [];
        List<DeviceFirmwareRecord> firmware = [];
        List<DeviceEvidenceRecord> evidence = [];
        var record = new DeviceRecord
        {
            Id = r.GetInt32(0),
            Key = r.GetString(1),
            Name = r.GetString(2),
            Vendor = NullableString(r, 3),
            OperatingSystem = NullableString(r, 4),
            Type = r.GetString(5),
            EngineeringStation = r.GetInt64(6) != 0,
            Authorized = r.GetInt64(7) != 0,
            Scanner = r.GetInt64(8) != 0,
            HasDynamicAddress = r.GetInt64(9) != 0,
            ProgrammingDevice = r.GetInt64(10) != 0,
            Internet = r.GetInt64(11) != 0,
            PurdueLevel = NullableInt(r, 12),
            Subnet = NullableString(r, 13),
            SubnetName = NullableString(r, 14),
            FirstSeen = r.GetInt64(15),
            LastSeen = r.GetInt64(16),
            PacketsSent = r.GetInt64(17),
            PacketsReceived = r.GetInt64(18),
            BytesSent = r.GetInt64(19),
            BytesReceived = r.GetInt64(20),
            Model = NullableString(r, 21),
            FirmwareVersion = NullableString(r, 22),
            IpAddresses = ips,
            MacAddresses = macs,
            Protocols = protocols,
            Firmware = firmware,
            Evidence = evidence,
        };
        return new DeviceRow { Record = record, Ips = ips, Macs = macs, Protocols = protocols, Firmware = firmware, Evidence = evidence };
    }

    /// <summary>Joins addresses, protocols, firmware (and evidence) to the rows: one query per child table, not one per device.</summary>
    private static List<DeviceRecord> Complete(SqliteConnection db, List<DeviceRow> rows, bool withEvidence, bool all)
    {
        var byId = new Dictionary<long, DeviceRow>(rows.Count);
        foreach (var row in rows) byId[row.Record.Id] = row;
        if (rows.Count > 0)
        {
            // All devices: scan the child tables; a page: only its ids (a JSON array parameter, never spliced into the SQL).
            string filter = all ? "" : " WHERE device_id IN (SELECT value FROM json_each($ids))";
            var ids = all ? null : "[" + string.Join(',', byId.Keys) + "]";
            (string, object?)[] pars = all ? [] : [("$ids", ids)];
            using (var command = Command(db, null, "SELECT device_id, kind, address FROM device_addresses" + filter + " ORDER BY device_id, kind, ordinal", pars))
            using (var r = command.ExecuteReader())
                while (r.Read())
                    if (byId.TryGetValue(r.GetInt64(0), out var row)) (r.GetInt32(1) == 0 ? row.Ips : row.Macs).Add(r.GetString(2));
            using (var command = Command(db, null, "SELECT device_id, protocol_id, name, protocol, addresses, roles, source, confidence FROM device_protocols" + filter + " ORDER BY device_id, ordinal", pars))
            using (var r = command.ExecuteReader())
                while (r.Read())
                    if (byId.TryGetValue(r.GetInt64(0), out var row))
                        row.Protocols.Add(new DeviceProtocolRecord(r.GetInt32(1), r.GetString(2), r.GetString(3), JsonText.ReadStrings(r.GetString(4)),
                            JsonText.ReadStrings(r.GetString(5)), r.GetString(6), r.GetInt32(7)));
            using (var command = Command(db, null, "SELECT device_id, address, module_address, serial, model, firmware_version, additional_data, rack, slot FROM device_firmware" + filter + " ORDER BY device_id, ordinal", pars))
            using (var r = command.ExecuteReader())
                while (r.Read())
                    if (byId.TryGetValue(r.GetInt64(0), out var row))
                        row.Firmware.Add(new DeviceFirmwareRecord(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)));
            if (withEvidence)
            {
                using var command = Command(db, null, "SELECT device_id, attribute, value, source, detail, confidence FROM device_evidence" + filter + " ORDER BY device_id, attribute", pars);
                using var r = command.ExecuteReader();
                while (r.Read())
                    if (byId.TryGetValue(r.GetInt64(0), out var row))
                        row.Evidence.Add(new DeviceEvidenceRecord(r.GetString(1), r.GetString(2), r.GetString(3), NullableString(r, 4), r.GetInt32(5)));
            }
        }
        var list = new List<DeviceRecord>(rows.Count);
        foreach (var row in rows) list.Add(row.Record);
        return list;
    }

    /// <summary>Connections matching <paramref name="query"/>, by id.</summary>
    public IReadOnlyList<ConnectionRecord> GetConnections(ConnectionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var db = OpenRead();
        var sql = new StringBuilder("SELECT id, first_device_id, second_device_id, discovered, last_seen, ports, protocols, packets, bytes FROM connections WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (query.DeviceId is int device)
        {
            sql.Append(" AND (first_device_id = $device OR second_device_id = $device)");
            parameters.Add(("$device", device));
        }
        if (query.DiscoveredBefore is long before)
        {
            sql.Append(" AND discovered < $before");
            parameters.Add(("$before", before));
        }
        if (query.DiscoveredAfter is long after)
        {
            sql.Append(" AND discovered > $after");
            parameters.Add(("$after", after));
        }
        if (query.LastSeenSince is long since)
        {
            sql.Append(" AND last_seen >= $since");
            parameters.Add(("$since", since));
        }
        if (!string.IsNullOrEmpty(query.Protocol))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM json_each(protocols) j WHERE json_extract(j.value, '$.name') = $protocol COLLATE NOCASE)");
            parameters.Add(("$protocol", query.Protocol));
        }
        sql.Append(" ORDER BY id");
        var list = new List<ConnectionRecord>();
        using var command = Command(db, null, sql.ToString(), parameters.ToArray());
        using var r = command.ExecuteReader();
        while (r.Read())
            list.Add(new ConnectionRecord
            {
                Id = r.GetInt64(0),
                FirstDeviceId = r.GetInt32(1),
                SecondDeviceId = r.GetInt32(2),
                Discovered = r.GetInt64(3),
                LastSeen = r.GetInt64(4),
                Ports = JsonText.ReadNumbers(r.GetString(5)),
                Protocols = JsonText.ReadProtocols(r.GetString(6)),
                Packets = r.GetInt64(7),
                Bytes = r.GetInt64(8),
            });
        return list;
    }
}
