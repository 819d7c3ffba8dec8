using Microsoft.Data.Sqlite;

namespace OtSensor.Outputs.Store;

/// <summary>
/// The store's schema as numbered migrations. <c>schema_version</c> holds one row per applied migration; opening a store
/// applies the missing ones in order, each in its own transaction with its version row, so a crash leaves the file at
/// the last whole version.
/// </summary>
/// <remarks>
/// Never edit a shipped migration: add the next number. v1: inventory, connections, alerts, events, traffic, baseline,
/// captures and runs. v2: users, API tokens, console sessions, settings and reports. v3: an alert raised again by a later
/// run (the same capture played again) counts up in the row it had (<c>base_count</c>: the count before that run).
/// </remarks>
internal static class StoreMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (1, """
            CREATE TABLE devices(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              key TEXT NOT NULL UNIQUE,
              name TEXT NOT NULL,
              vendor TEXT,
              operating_system TEXT,
              type TEXT NOT NULL,
              engineering_station INTEGER NOT NULL,
              authorized INTEGER NOT NULL,
              scanner INTEGER NOT NULL,
              has_dynamic_address INTEGER NOT NULL,
              programming_device INTEGER NOT NULL,
              internet INTEGER NOT NULL,
              purdue_level INTEGER,
              subnet TEXT,
              subnet_name TEXT,
              first_seen INTEGER NOT NULL,
              last_seen INTEGER NOT NULL,
              packets_sent INTEGER NOT NULL,
              packets_received INTEGER NOT NULL,
              bytes_sent INTEGER NOT NULL,
              bytes_received INTEGER NOT NULL,
              base_packets_sent INTEGER NOT NULL DEFAULT 0,
              base_packets_received INTEGER NOT NULL DEFAULT 0,
              base_bytes_sent INTEGER NOT NULL DEFAULT 0,
              base_bytes_received INTEGER NOT NULL DEFAULT 0,
              model TEXT,
              firmware_version TEXT,
              primary_ip TEXT,
              run_id INTEGER NOT NULL,
              first_run_id INTEGER NOT NULL);
            CREATE INDEX devices_name ON devices(name);
            CREATE INDEX devices_type ON devices(type);
            CREATE INDEX devices_vendor ON devices(vendor);
            CREATE INDEX devices_last_seen ON devices(last_seen);
            CREATE INDEX devices_purdue ON devices(purdue_level);
            CREATE INDEX devices_primary_ip ON devices(primary_ip);
            CREATE TABLE device_addresses(
              device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
              kind INTEGER NOT NULL,
              ordinal INTEGER NOT NULL,
              address TEXT NOT NULL,
              PRIMARY KEY(device_id, kind, ordinal)) WITHOUT ROWID;
            CREATE INDEX device_addresses_address ON device_addresses(address);
            CREATE TABLE device_protocols(
              device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
              ordinal INTEGER NOT NULL,
              protocol_id INTEGER NOT NULL,
              name TEXT NOT NULL,
              protocol TEXT NOT NULL,
              addresses TEXT NOT NULL,
              roles TEXT NOT NULL,
              source TEXT NOT NULL,
              confidence INTEGER NOT NULL,
              PRIMARY KEY(device_id, ordinal)) WITHOUT ROWID;
            CREATE INDEX device_protocols_name ON device_protocols(name);
            CREATE TABLE device_firmware(
              device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
              ordinal INTEGER NOT NULL,
              address TEXT NOT NULL,
              module_address TEXT NOT NULL,
              serial TEXT NOT NULL,
              model TEXT NOT NULL,
              firmware_version TEXT NOT NULL,
              additional_data TEXT NOT NULL,
              rack TEXT NOT NULL,
              slot TEXT NOT NULL,
              PRIMARY KEY(device_id, ordinal)) WITHOUT ROWID;
            CREATE TABLE device_evidence(
              device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
              attribute TEXT NOT NULL,
              value TEXT NOT NULL,
              source TEXT NOT NULL,
              detail TEXT,
              confidence INTEGER NOT NULL,
              PRIMARY KEY(device_id, attribute)) WITHOUT ROWID;
            CREATE TABLE connections(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              first_device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
              second_device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
              discovered INTEGER NOT NULL,
              last_seen INTEGER NOT NULL,
              ports TEXT NOT NULL,
              protocols TEXT NOT NULL,
              packets INTEGER NOT NULL,
              bytes INTEGER NOT NULL,
              UNIQUE(first_device_id, second_device_id));
            CREATE INDEX connections_second ON connections(second_device_id);
            CREATE INDEX connections_discovered ON connections(discovered);
            CREATE INDEX connections_last_seen ON connections(last_seen);
            CREATE TABLE captures(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              name TEXT NOT NULL,
              file TEXT NOT NULL,
              size INTEGER NOT NULL,
              uploaded INTEGER NOT NULL,
              state TEXT NOT NULL,
              packets INTEGER NOT NULL DEFAULT 0,
              bytes INTEGER NOT NULL DEFAULT 0,
              error TEXT,
              queued INTEGER);
            CREATE TABLE runs(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              capture_id INTEGER,
              started INTEGER NOT NULL,
              finished INTEGER);
            CREATE TABLE alerts(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              run_id INTEGER NOT NULL REFERENCES runs(id),
              run_alert_id INTEGER NOT NULL,
              time INTEGER NOT NULL,
              last_time INTEGER NOT NULL,
              title TEXT NOT NULL,
              message TEXT NOT NULL,
              severity TEXT NOT NULL,
              engine TEXT NOT NULL,
              source_device INTEGER REFERENCES devices(id) ON DELETE SET NULL,
              destination_device INTEGER REFERENCES devices(id) ON DELETE SET NULL,
              source_address TEXT,
              destination_address TEXT,
              remediation TEXT NOT NULL,
              description TEXT,
              information TEXT NOT NULL,
              type TEXT NOT NULL,
              category TEXT NOT NULL,
              status TEXT NOT NULL,
              status_by_user INTEGER NOT NULL DEFAULT 0,
              learned INTEGER NOT NULL DEFAULT 0,
              count INTEGER NOT NULL,
              protocol TEXT,
              mitre TEXT NOT NULL,
              pcap_path TEXT,
              UNIQUE(run_id, run_alert_id));
            CREATE INDEX alerts_time ON alerts(time);
            CREATE INDEX alerts_status ON alerts(status);
            CREATE INDEX alerts_source ON alerts(source_device);
            CREATE INDEX alerts_destination ON alerts(destination_device);
            CREATE TABLE events(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              run_id INTEGER NOT NULL REFERENCES runs(id),
              seq INTEGER NOT NULL,
              timestamp INTEGER NOT NULL,
              type TEXT NOT NULL,
              title TEXT NOT NULL,
              severity TEXT NOT NULL,
              owner TEXT,
              content TEXT NOT NULL,
              source_address TEXT,
              destination_address TEXT,
              alert_id INTEGER REFERENCES alerts(id) ON DELETE SET NULL,
              UNIQUE(run_id, seq));
            CREATE INDEX events_timestamp ON events(timestamp);
            CREATE INDEX events_type ON events(type, timestamp);
            CREATE TABLE traffic(
              minute INTEGER PRIMARY KEY,
              packets INTEGER NOT NULL,
              bytes INTEGER NOT NULL);
            CREATE TABLE baseline(
              id INTEGER PRIMARY KEY CHECK(id = 1),
              content TEXT NOT NULL,
              updated INTEGER NOT NULL);
            """),
        (2, """
            CREATE TABLE users(
              username TEXT PRIMARY KEY,
              role TEXT NOT NULL CHECK(role IN ('admin', 'analyst', 'readonly')),
              password_hash BLOB NOT NULL,
              salt BLOB NOT NULL,
              iterations INTEGER NOT NULL,
              created INTEGER NOT NULL);
            CREATE TABLE tokens(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              description TEXT NOT NULL,
              hash BLOB NOT NULL UNIQUE,
              username TEXT NOT NULL,
              role TEXT NOT NULL CHECK(role IN ('admin', 'analyst', 'readonly')),
              created INTEGER NOT NULL,
              last_used INTEGER,
              revoked INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE sessions(
              hash BLOB PRIMARY KEY,
              username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
              csrf TEXT NOT NULL,
              created INTEGER NOT NULL,
              expires INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX sessions_user ON sessions(username);
            CREATE TABLE settings(
              key TEXT PRIMARY KEY,
              value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE reports(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              site TEXT NOT NULL,
              created INTEGER NOT NULL,
              state TEXT NOT NULL,
              error TEXT,
              pdf_path TEXT,
              csv_path TEXT);
            """),
        (3, """
            ALTER TABLE alerts ADD COLUMN base_count INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX alerts_identity ON alerts(type, source_address, destination_address);
            """),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>Applies every migration above the file's version up to <paramref name="upTo"/>; returns the version reached.</summary>
    public static int Apply(SqliteConnection db, int upTo)
    {
        using (var create = db.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }
        int current = CurrentVersion(db);
        foreach (var (version, sql) in All)
        {
            if (version <= current || version > upTo) continue;
            using var tx = db.BeginTransaction();
            using (var command = db.CreateCommand())
            {
                command.Transaction = tx;
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
            using (var mark = db.CreateCommand())
            {
                mark.Transaction = tx;
                mark.CommandText = "INSERT INTO schema_version(version, applied) VALUES($v, $t)";
                mark.Parameters.AddWithValue("$v", version);
                mark.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                mark.ExecuteNonQuery();
            }
            tx.Commit();
            current = version;
        }
        return current;
    }

    public static int CurrentVersion(SqliteConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
