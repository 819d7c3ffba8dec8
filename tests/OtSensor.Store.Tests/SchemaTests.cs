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
        Assert.Equal("2", Query(db, "SELECT MAX(version) FROM schema_version"));
        foreach (var table in new[] { "devices", "device_addresses", "device_protocols", "device_firmware", "device_evidence", "connections", "alerts",
                     "events", "traffic", "baseline", "captures", "runs", "users", "tokens", "sessions", "settings", "reports" })
            Assert.Equal("1", Query(db, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        Assert.Equal("1", Query(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'devices_last_seen'"));
    }

    [Fact]
    public void Open_VersionOneFile_MigratesToLatestAndKeepsItsData()
    {
        using var fixture = new StoreFixture();
        using (var v1 = SensorStore.OpenFile(fixture.DatabasePath, upToVersion: 1))
        {
            Assert.Equal(1, v1.SchemaVersion);
            long run = v1.BeginRun(null);
            v1.WriteSnapshot(StoreFixture.Plant(run));
        }
        using var store = fixture.Open();
        Assert.Equal(2, store.SchemaVersion);
        Assert.Equal(2, store.GetDevices(new DeviceQuery()).Total);
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
        Assert.Equal("2", Query(db, "SELECT COUNT(*) FROM schema_version"));
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
