using Microsoft.Data.Sqlite;

namespace OtSensor.Outputs.Store;

public sealed partial class SensorStore
{
    private const string CaptureColumns = "id, name, file, size, uploaded, state, packets, bytes, error";

    public CaptureRecord AddCapture(string name, string file, long size)
    {
        long now = Now();
        long id = InTransaction((db, tx) => Scalar(db, tx, "INSERT INTO captures(name, file, size, uploaded, state) VALUES($n, $f, $s, $t, 'uploaded') RETURNING id",
            ("$n", name), ("$f", file), ("$s", size), ("$t", now)));
        return new CaptureRecord(id, name, file, size, now, "uploaded", 0, 0, null);
    }

    public IReadOnlyList<CaptureRecord> GetCaptures()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT " + CaptureColumns + " FROM captures ORDER BY id");
        using var r = command.ExecuteReader();
        var list = new List<CaptureRecord>();
        while (r.Read()) list.Add(ReadCapture(r));
        return list;
    }

    public CaptureRecord? GetCapture(long id)
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT " + CaptureColumns + " FROM captures WHERE id = $id", ("$id", id));
        using var r = command.ExecuteReader();
        return r.Read() ? ReadCapture(r) : null;
    }

    /// <summary>Captures queued (in queue order) or left playing by a process that died: the worker's backlog at start.</summary>
    public IReadOnlyList<CaptureRecord> GetPendingCaptures()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT " + CaptureColumns + " FROM captures WHERE state IN ('queued', 'playing') ORDER BY queued, id");
        using var r = command.ExecuteReader();
        var list = new List<CaptureRecord>();
        while (r.Read()) list.Add(ReadCapture(r));
        return list;
    }

    public void SetCaptureState(long id, string state, long packets = 0, long bytes = 0, string? error = null)
        => InTransaction((db, tx) => NonQuery(db, tx, """
            UPDATE captures SET state = $s, packets = MAX(packets, $p), bytes = MAX(bytes, $b), error = $e,
              queued = CASE WHEN $s = 'queued' THEN $t ELSE queued END WHERE id = $id
            """, ("$s", state), ("$p", packets), ("$b", bytes), ("$e", error), ("$t", Now()), ("$id", id)));

    /// <summary>Forgets every capture (their files are the caller's); stored devices, alerts and events stay.</summary>
    public void DeleteCaptures() => InTransaction((db, tx) => NonQuery(db, tx, "DELETE FROM captures"));

    private static CaptureRecord ReadCapture(SqliteDataReader r)
        => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetString(5), r.GetInt64(6), r.GetInt64(7), NullableString(r, 8));

    public ReportRecord AddReport(string site)
    {
        long now = Now();
        long id = InTransaction((db, tx) => Scalar(db, tx, "INSERT INTO reports(site, created, state) VALUES($s, $t, 'queued') RETURNING id", ("$s", site), ("$t", now)));
        return new ReportRecord(id, site, now, "queued", null, null, null);
    }

    public void SetReportState(long id, string state, string? error = null, string? pdf = null, string? csv = null)
        => InTransaction((db, tx) => NonQuery(db, tx, "UPDATE reports SET state = $s, error = $e, pdf_path = COALESCE($p, pdf_path), csv_path = COALESCE($c, csv_path) WHERE id = $id",
            ("$s", state), ("$e", error), ("$p", pdf), ("$c", csv), ("$id", id)));

    public IReadOnlyList<ReportRecord> GetReports()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT id, site, created, state, error, pdf_path, csv_path FROM reports ORDER BY id DESC");
        using var r = command.ExecuteReader();
        var list = new List<ReportRecord>();
        while (r.Read()) list.Add(new ReportRecord(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), NullableString(r, 4), NullableString(r, 5), NullableString(r, 6)));
        return list;
    }

    public ReportRecord? GetReport(long id) => GetReports().FirstOrDefault(r => r.Id == id);

    /// <summary>Row counts: devices, connections, alerts, alerts still new.</summary>
    public (long Devices, long Connections, long Alerts, long Unhandled) Totals()
    {
        using var db = OpenRead();
        return (Scalar(db, null, "SELECT COUNT(*) FROM devices"), Scalar(db, null, "SELECT COUNT(*) FROM connections"),
            Scalar(db, null, "SELECT COUNT(*) FROM alerts"), Scalar(db, null, "SELECT COUNT(*) FROM alerts WHERE status = 'new'"));
    }

    /// <summary>Devices per type, per Purdue level ("unknown" when unplaced), alerts per engine and per severity.</summary>
    public (IReadOnlyList<CountItem> ByType, IReadOnlyList<CountItem> ByLevel, IReadOnlyList<CountItem> ByEngine, IReadOnlyList<CountItem> BySeverity) Breakdowns()
    {
        using var db = OpenRead();
        return (Counts(db, "SELECT type, COUNT(*) FROM devices GROUP BY type ORDER BY type"),
            Counts(db, "SELECT COALESCE(CAST(purdue_level AS TEXT), 'unknown'), COUNT(*) FROM devices GROUP BY purdue_level ORDER BY purdue_level"),
            Counts(db, "SELECT engine, COUNT(*) FROM alerts GROUP BY engine ORDER BY engine"),
            Counts(db, "SELECT severity, COUNT(*) FROM alerts GROUP BY severity ORDER BY severity"));
    }

    private static List<CountItem> Counts(SqliteConnection db, string sql)
    {
        using var command = Command(db, null, sql);
        using var r = command.ExecuteReader();
        var list = new List<CountItem>();
        while (r.Read()) list.Add(new CountItem(r.GetString(0), r.GetInt64(1)));
        return list;
    }

    /// <summary>Per protocol: packets and bytes of the connections that carried it, and how many devices speak it.</summary>
    public IReadOnlyList<ProtocolUsage> ProtocolUsage()
    {
        using var db = OpenRead();
        var devices = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in Counts(db, "SELECT protocol, COUNT(DISTINCT device_id) FROM device_protocols GROUP BY protocol")) devices[c.Key] = c.Count;
        using var command = Command(db, null, """
            SELECT json_extract(j.value, '$.name') AS name, SUM(c.packets), SUM(c.bytes)
            FROM connections c, json_each(c.protocols) j GROUP BY name ORDER BY SUM(c.bytes) DESC
            """);
        using var r = command.ExecuteReader();
        var list = new List<ProtocolUsage>();
        while (r.Read())
        {
            var name = r.GetString(0);
            list.Add(new ProtocolUsage(name, r.GetInt64(1), r.GetInt64(2), devices.GetValueOrDefault(name)));
        }
        return list;
    }

    /// <summary>Packets and bytes per minute of capture time, oldest first.</summary>
    public IReadOnlyList<TrafficPoint> Traffic()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT minute, packets, bytes FROM traffic ORDER BY minute");
        using var r = command.ExecuteReader();
        var list = new List<TrafficPoint>();
        while (r.Read()) list.Add(new TrafficPoint(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)));
        return list;
    }
}
