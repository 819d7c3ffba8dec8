using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OtSensor.Outputs.Store;

/// <summary>
/// The sensor's embedded store: one SQLite file (<c>otsensor.db</c>) holding the inventory, connections, alerts, events,
/// traffic, baseline, uploaded captures, reports, users, API tokens, console sessions and settings.
/// </summary>
/// <remarks>
/// <para>WAL journal and <c>synchronous=FULL</c>: a write that returned is on disk, so a killed process or a power cut
/// loses nothing acknowledged; readers never wait for the writer. Foreign keys on.</para>
/// <para>One write connection serialised by a lock (SQLite has one writer anyway); every read opens a pooled connection
/// of its own, so API queries run beside a replay's snapshots. Every value goes in as a parameter.</para>
/// <para>The schema is versioned (<see cref="StoreMigrations"/>): opening an older file migrates it forward.</para>
/// </remarks>
public sealed partial class SensorStore : IDisposable
{
    public const string FileName = "otsensor.db";
    private readonly SqliteConnection _write;
    private readonly Lock _lock = new();
    private readonly string _readConnectionString;

    private SensorStore(string path, SqliteConnection write, string readConnectionString)
    {
        Path = path;
        _write = write;
        _readConnectionString = readConnectionString;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version of the file (after migration).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Opens (creating when missing) <c>otsensor.db</c> in <paramref name="directory"/>, migrated to the latest schema.</summary>
    public static SensorStore Open(string directory) => OpenFile(System.IO.Path.Combine(directory, FileName));

    /// <summary>Opens one database file, migrated up to <paramref name="upToVersion"/> (tests stop early to check migrations).</summary>
    internal static SensorStore OpenFile(string path, int? upToVersion = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 };
        var write = new SqliteConnection(builder.ToString());
        write.Open();
        Execute(write, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
        var reads = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString();
        var store = new SensorStore(full, write, reads);
        store.SchemaVersion = StoreMigrations.Apply(write, upToVersion ?? StoreMigrations.Latest);
        return store;
    }

    /// <summary>True when the file answers a query (the health endpoint).</summary>
    public bool IsHealthy()
    {
        try
        {
            using var db = OpenRead();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        lock (_lock) _write.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private SqliteConnection OpenRead()
    {
        var db = new SqliteConnection(_readConnectionString);
        db.Open();
        return db;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on the write connection.</summary>
    private T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_lock)
        {
            using var tx = _write.BeginTransaction();
            var result = work(_write, tx);
            tx.Commit();
            return result;
        }
    }

    private void InTransaction(Action<SqliteConnection, SqliteTransaction> work)
        => InTransaction<int>((db, tx) => { work(db, tx); return 0; });

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static long Scalar(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(db, tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static int NonQuery(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(db, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static long? NullableLong(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
    private static int? NullableInt(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
