using Microsoft.Data.Sqlite;
using OtSensor.Outputs.Store;

namespace OtSensor.Store.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void Open_EmptyFolder_CreatesLatestSchemaInWalMode()
    {
        using var fixture = new StoreFixture();
        using (var store = fixture.Open())
        {
            Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
            Assert.True(store.IsHealthy());
        }
        using var db = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        db.Open();
        Assert.Equal("wal", Query(db, "PRAGMA journal_mode"));
        Assert.Equal("3", Query(db, "SELECT MAX(version) FROM schema_version"));
        foreach (var table in new[] { "devices", "device_addresses", "device_protocols", "device_firmware", "device_evidence", "connections", "alerts",
                     "events", "traffic", "baseline", "captures", "runs", "users", "tokens", "sessions", "settings", "reports" })
            Assert.Equal("1", Query(db, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        Assert.Equal("1", Query(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'devices_last_seen'"));
    }

    [Theory]
    [InlineData(1)]   // the first store: devices, alerts, events, traffic, baseline; no users, tokens or reports yet
    [InlineData(2)]   // accounts and reports; no alert base counts yet
    public void Open_OlderVersionFile_MigratesToLatestAndKeepsItsData(int version)
    {
        // Snapshots are written with the latest SQL (v3 added alerts.base_count): the older file gets its data as a
        // server of that version wrote it, through SQL every version accepts.
        using var fixture = new StoreFixture();
        using (var older = SensorStore.OpenFile(fixture.DatabasePath, upToVersion: version))
        {
            Assert.Equal(version, older.SchemaVersion);
            long run = older.BeginRun(null);
            using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.DatabasePath}");
            db.Open();
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO alerts(run_id, run_alert_id, time, last_time, title, message, severity, engine, remediation, information, type, category, status, count, mitre) " +
                "VALUES(" + run.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", 1, 1, 2, 'Modbus Exception', 'm', 'Minor', 'Protocol Violation', '[]', '[]', 't', 'c', 'New', 7, '[]')";
            insert.ExecuteNonQuery();
        }
        using var store = fixture.Open();
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        Assert.Equal(7, store.GetAlerts(new AlertQuery()).Items.Single().Count);
        Assert.True(store.CreateUser("ana", Roles.Analyst, "correct horse battery"));
        Assert.NotNull(store.VerifyPassword("ana", "correct horse battery"));
    }

    [Fact]
    public void Open_TwiceOnTheSameFile_AppliesEachMigrationOnce()
    {
        using var fixture = new StoreFixture();
        fixture.Open().Dispose();
        fixture.Open().Dispose();
        using var db = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        db.Open();
        Assert.Equal("3", Query(db, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void WriteConnection_ForeignKeysOn_DeletingADeviceCascades()
    {
        using var fixture = new StoreFixture();
        using (var store = fixture.Open())
        {
            long run = store.BeginRun(null);
            store.WriteSnapshot(StoreFixture.Plant(run));
        }
        using var db = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False;Foreign Keys=True");
        db.Open();
        using (var delete = db.CreateCommand())
        {
            delete.CommandText = "DELETE FROM devices WHERE key = '10.0.0.11'";
            delete.ExecuteNonQuery();
        }
        Assert.Equal("0", Query(db, "SELECT COUNT(*) FROM connections"));
        Assert.Equal("0", Query(db, "SELECT COUNT(*) FROM device_protocols WHERE device_id NOT IN (SELECT id FROM devices)"));
    }

    private static string Query(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
