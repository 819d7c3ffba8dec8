using System.Text;
using Microsoft.Data.Sqlite;

namespace OtSensor.Outputs.Store;

public sealed partial class SensorStore
{
    private const string AlertColumns = """
        id, time, last_time, title, message, severity, engine, source_device, destination_device, source_address, destination_address,
        remediation, description, information, type, category, status, count, protocol, mitre, pcap_path, learned, run_id, run_alert_id
        """;

    /// <summary>Alerts matching <paramref name="query"/>.</summary>
    public PagedResult<AlertRecord> GetAlerts(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var db = OpenRead();
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrEmpty(query.Status))
        {
            where.Append(" AND status = $status");
            parameters.Add(("$status", query.Status));
        }
        if (query.Handled is bool handled) where.Append(handled ? " AND status <> 'new'" : " AND status = 'new'");
        if (query.FromTime is long from)
        {
            where.Append(" AND time >= $from");
            parameters.Add(("$from", from));
        }
        if (query.ToTime is long to)
        {
            where.Append(" AND time <= $to");
            parameters.Add(("$to", to));
        }
        if (!string.IsNullOrEmpty(query.Engine))
        {
            where.Append(" AND engine = $engine COLLATE NOCASE");
            parameters.Add(("$engine", query.Engine));
        }
        if (!string.IsNullOrEmpty(query.Severity))
        {
            where.Append(" AND severity = $severity COLLATE NOCASE");
            parameters.Add(("$severity", query.Severity));
        }
        if (!string.IsNullOrEmpty(query.Search))
        {
            where.Append(" AND (title LIKE $search ESCAPE '\\' OR message LIKE $search ESCAPE '\\' OR source_address LIKE $search ESCAPE '\\' OR destination_address LIKE $search ESCAPE '\\')");
            parameters.Add(("$search", "%" + EscapeLike(query.Search) + "%"));
        }
        if (query.Types is { } types)
        {
            where.Append(" AND type IN (SELECT value FROM json_each($types))");
            parameters.Add(("$types", JsonText.Strings(types)));
        }
        if (query.DeviceId is int device)
        {
            where.Append(" AND (source_device = $device OR destination_device = $device)");
            parameters.Add(("$device", device));
        }
        long total = Scalar(db, null, "SELECT COUNT(*) FROM alerts" + where, parameters.ToArray());
        var sql = "SELECT " + AlertColumns + " FROM alerts" + where + (query.NewestFirst ? " ORDER BY last_time DESC, id DESC" : " ORDER BY id")
            + (query.Limit is null ? "" : " LIMIT $limit OFFSET $offset");
        if (query.Limit is int limit)
        {
            parameters.Add(("$limit", limit));
            parameters.Add(("$offset", query.Offset));
        }
        var list = new List<AlertRecord>();
        using var command = Command(db, null, sql, parameters.ToArray());
        using var r = command.ExecuteReader();
        while (r.Read()) list.Add(ReadAlert(r));
        return new PagedResult<AlertRecord>(total, list);
    }

    public AlertRecord? GetAlert(long id)
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT " + AlertColumns + " FROM alerts WHERE id = $id", ("$id", id));
        using var r = command.ExecuteReader();
        return r.Read() ? ReadAlert(r) : null;
    }

    /// <summary>The run and the run's alert id an alert came from (to act on it while its run is still in memory).</summary>
    public (long RunId, int RunAlertId)? GetAlertOrigin(long id)
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT run_id, run_alert_id FROM alerts WHERE id = $id", ("$id", id));
        using var r = command.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetInt32(1)) : null;
    }

    /// <summary>Sets a triage status (and the learned mark); later snapshots of the alert's run keep it. False when unknown.</summary>
    public bool SetAlertStatus(long id, string status, bool learned = false)
    {
        if (!AlertStatuses.IsKnown(status)) throw new ArgumentException($"unknown alert status '{status}'", nameof(status));
        return InTransaction((db, tx) => NonQuery(db, tx, "UPDATE alerts SET status = $s, status_by_user = 1, learned = MAX(learned, $l) WHERE id = $id",
            ("$s", status), ("$l", learned), ("$id", id))) == 1;
    }

    private static AlertRecord ReadAlert(SqliteDataReader r)
    {
        long id = r.GetInt64(0), time = r.GetInt64(1);
        return new AlertRecord
        {
            Id = id,
            Uuid = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}-{time}"),
            Time = time,
            LastTime = r.GetInt64(2),
            Title = r.GetString(3),
            Message = r.GetString(4),
            Severity = r.GetString(5),
            Engine = r.GetString(6),
            SourceDevice = NullableInt(r, 7),
            DestinationDevice = NullableInt(r, 8),
            SourceDeviceAddress = NullableString(r, 9),
            DestinationDeviceAddress = NullableString(r, 10),
            RemediationSteps = JsonText.ReadStrings(r.GetString(11)),
            Description = NullableString(r, 12),
            Information = JsonText.ReadStrings(r.GetString(13)),
            Type = r.GetString(14),
            Category = r.GetString(15),
            Status = r.GetString(16),
            Count = r.GetInt64(17),
            Protocol = NullableString(r, 18),
            Mitre = JsonText.ReadMitre(r.GetString(19)),
            PcapPath = NullableString(r, 20),
            Learned = r.GetInt64(21) != 0,
        };
    }

    /// <summary>Events matching <paramref name="query"/>, newest first.</summary>
    public PagedResult<EventRecord> GetEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var db = OpenRead();
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrEmpty(query.Type))
        {
            where.Append(" AND type = $type");
            parameters.Add(("$type", query.Type));
        }
        if (query.Since is long since)
        {
            where.Append(" AND timestamp >= $since");
            parameters.Add(("$since", since));
        }
        if (!string.IsNullOrEmpty(query.Address))
        {
            where.Append(" AND (source_address = $address OR destination_address = $address)");
            parameters.Add(("$address", query.Address));
        }
        long total = Scalar(db, null, "SELECT COUNT(*) FROM events" + where, parameters.ToArray());
        parameters.Add(("$limit", query.Limit));
        parameters.Add(("$offset", query.Offset));
        var list = new List<EventRecord>();
        using var command = Command(db, null, "SELECT id, seq, timestamp, type, title, severity, owner, content, source_address, destination_address, alert_id FROM events"
            + where + " ORDER BY timestamp DESC, id DESC LIMIT $limit OFFSET $offset", parameters.ToArray());
        using var r = command.ExecuteReader();
        while (r.Read())
            list.Add(new EventRecord
            {
                Id = r.GetInt64(0),
                Sequence = r.GetInt32(1),
                Timestamp = r.GetInt64(2),
                Type = r.GetString(3),
                Title = r.GetString(4),
                Severity = r.GetString(5),
                Owner = NullableString(r, 6),
                Content = r.GetString(7),
                SourceAddress = NullableString(r, 8),
                DestinationAddress = NullableString(r, 9),
                AlertId = NullableLong(r, 10),
            });
        return new PagedResult<EventRecord>(total, list);
    }

    /// <summary>Time of the newest stored event (epoch ms), or null.</summary>
    public long? LatestEventTime()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT MAX(timestamp) FROM events");
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Appends one event written by a person or the server (report created, user operation...).</summary>
    public void AddEvent(long timestamp, string type, string title, string severity, string? owner, string content)
        => InTransaction((db, tx) =>
        {
            long run = Scalar(db, tx, "INSERT INTO runs(capture_id, started, finished) VALUES(NULL, $t, $t) RETURNING id", ("$t", Now()));
            NonQuery(db, tx, "INSERT INTO events(run_id, seq, timestamp, type, title, severity, owner, content) VALUES($r, 0, $ts, $type, $title, $sev, $owner, $content)",
                ("$r", run), ("$ts", timestamp), ("$type", type), ("$title", title), ("$sev", severity), ("$owner", owner), ("$content", content));
        });
}
