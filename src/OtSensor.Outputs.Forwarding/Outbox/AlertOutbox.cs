using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OtSensor.Outputs.Forwarding.Outbox;

/// <summary>
/// The durable outbox: every alert to forward is committed to one SQLite file (WAL) before any send, with one delivery
/// row per target; senders take the oldest pending rows, and a row leaves the pending state only when its target
/// accepted it (or it is dead-lettered with the reason).
/// </summary>
/// <remarks>
/// <para>Schema: <c>alerts(seq, message_id UNIQUE, alert_key, partition_key, severity, is_new, payload)</c> and
/// <c>deliveries(target, seq, state, attempts, last_error)</c>. <c>synchronous=FULL</c>: an acknowledged enqueue survives
/// a power cut, not only a killed process.</para>
/// <para>Bounded: past <see cref="OutboxOptions.MaxPending"/> waiting alerts <see cref="OutboxOptions.Overflow"/> decides
/// which record is lost (an eviction counts in <see cref="ForwardingCounters.DroppedOnOverflow"/>, a refusal in
/// <see cref="ForwardingCounters.RefusedOnOverflow"/>), and the outbox queues its own operational alert
/// (<see cref="OutboxFullAlert"/>) once per episode, past the bound. Enqueue never waits for a sender, so a dead link
/// cannot stall the pipeline; it costs one indexed insert.</para>
/// <para>Pruning (<see cref="Prune"/>): records settled for every target longer than <see cref="OutboxOptions.Retention"/>
/// ago are deleted and the pages returned (incremental auto-vacuum), so the file does not grow forever.</para>
/// <para>One connection guarded by a lock: enqueues and the senders' short reads and marks are serialised; SQLite
/// allows one writer anyway.</para>
/// </remarks>
public sealed class AlertOutbox : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();
    private readonly OutboxOptions _options;
    private long _pendingEstimate;
    // Set when a send settled entries: only then can the pending count have fallen below what enqueues tracked.
    private bool _settledSinceCount;
    // The outbox overflowed (episode) and its operational alert was queued; both under _lock.
    private bool _fullEpisode;
    private bool _fullRaised;

    private AlertOutbox(SqliteConnection db, string path, OutboxOptions options, ForwardingCounters counters)
    {
        _db = db;
        Path = path;
        _options = options;
        Counters = counters;
        _pendingEstimate = CountPending();
    }

    public string Path { get; }
    public ForwardingCounters Counters { get; }
    public OutboxOptions Options => _options;

    /// <summary>Opens (creating when missing) the outbox file; pending entries of an earlier process are kept.</summary>
    public static AlertOutbox Open(string path, OutboxOptions? options = null, ForwardingCounters? counters = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        db.Open();
        // Incremental auto-vacuum (only takes effect on a new file): pruned pages go back to the file system.
        Execute(db, "PRAGMA auto_vacuum=INCREMENTAL;");
        Execute(db, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS alerts(
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              message_id TEXT NOT NULL UNIQUE,
              alert_key TEXT NOT NULL,
              partition_key TEXT NOT NULL,
              severity INTEGER NOT NULL,
              is_new INTEGER NOT NULL,
              payload TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS alerts_key ON alerts(alert_key);
            CREATE TABLE IF NOT EXISTS deliveries(
              target TEXT NOT NULL,
              seq INTEGER NOT NULL,
              state INTEGER NOT NULL,
              severity INTEGER NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              last_error TEXT,
              settled INTEGER,
              PRIMARY KEY(target, seq)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS deliveries_state ON deliveries(target, state, seq);
            CREATE INDEX IF NOT EXISTS deliveries_overflow ON deliveries(state, severity, seq);
            CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries(state, seq);
            """);
        using (var columns = db.CreateCommand())
        {
            // Files written before pruning existed lack the settle time: add it (NULL: settled before the upgrade, pruned first).
            columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('deliveries') WHERE name = 'settled'";
            if ((long)columns.ExecuteScalar()! == 0) Execute(db, "ALTER TABLE deliveries ADD COLUMN settled INTEGER");
        }
        return new AlertOutbox(db, full, options ?? new OutboxOptions(), counters ?? new ForwardingCounters());
    }

    /// <summary>Queues one alert for the given targets (durable when this returns).</summary>
    public EnqueueResult Enqueue(OutboundAlert alert, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(targets);
        OutboundAlert? raised;
        EnqueueResult result;
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            result = EnqueueLocked(alert, targets, tx, bypassBound: false);
            raised = RaiseIfFullLocked(targets, tx);
            tx.Commit();
        }
        if (raised is not null) OutboxFull?.Invoke(raised);
        return result;
    }

    /// <summary>Queues many alerts in one transaction (a finished run); returns how many were queued.</summary>
    public int EnqueueRange(IEnumerable<OutboundAlert> alerts, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(targets);
        int queued = 0;
        OutboundAlert? raised;
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            foreach (var alert in alerts)
                if (EnqueueLocked(alert, targets, tx, bypassBound: false) is EnqueueResult.Queued or EnqueueResult.QueuedDroppingOlder) queued++;
            raised = RaiseIfFullLocked(targets, tx);
            tx.Commit();
        }
        if (raised is not null) OutboxFull?.Invoke(raised);
        return queued;
    }

    /// <summary>Raised (outside the outbox's lock) with the operational alert the outbox queued for itself when it
    /// filled: the host shows it, writes it beside its own alerts. Once per episode.</summary>
    public event Action<OutboundAlert>? OutboxFull;

    /// <summary>Targets of the outbox's own operational alert; null: the targets of the enqueue that filled it.</summary>
    public IReadOnlyList<string>? OperationalTargets { get; set; }

    /// <summary>True from the first overflow until the waiting records fall below nine tenths of the bound.</summary>
    public bool IsFull
    {
        get
        {
            lock (_lock) return _fullEpisode;
        }
    }

    private OutboundAlert? RaiseIfFullLocked(IReadOnlyList<string> targets, SqliteTransaction tx)
    {
        if (!_fullEpisode || _fullRaised) return null;
        _fullRaised = true;
        var alert = OutboxFullAlert.Create(_options.Sensor, DateTimeOffset.UtcNow, _options, Counters.DroppedOnOverflow, Counters.RefusedOnOverflow);
        // Past the bound on purpose: the one record that says records are being lost must not be lost itself.
        EnqueueLocked(alert, OperationalTargets ?? targets, tx, bypassBound: true);
        Counters.AddOutboxFullAlert();
        return alert;
    }

    private EnqueueResult EnqueueLocked(OutboundAlert alert, IReadOnlyList<string> targets, SqliteTransaction tx, bool bypassBound)
    {
        long seq;
        using (var find = Command("SELECT seq FROM alerts WHERE message_id = $m", tx))
        {
            find.Parameters.AddWithValue("$m", alert.MessageId);
            seq = find.ExecuteScalar() is long existing ? existing : 0;
        }
        if (seq != 0)
        {
            // Same revision again: only a target it was never queued for gets it.
            int added = 0;
            foreach (var target in targets) added += InsertDelivery(seq, target, alert.SeverityRank, tx);
            if (added == 0)
            {
                Counters.AddDuplicate();
                return EnqueueResult.Duplicate;
            }
            Counters.AddQueued();
            return EnqueueResult.Queued;
        }

        var result = EnqueueResult.Queued;
        if (!bypassBound && _pendingEstimate >= _options.MaxPending)
        {
            if (_settledSinceCount)
            {
                _pendingEstimate = CountPending(tx);
                _settledSinceCount = false;
            }
            if (_pendingEstimate >= _options.MaxPending)
            {
                _fullEpisode = true;
                if (!Evict(alert.SeverityRank, tx))
                {
                    Counters.AddRefused();
                    return EnqueueResult.Refused;
                }
                Counters.AddDropped();
                result = EnqueueResult.QueuedDroppingOlder;
            }
        }

        bool isNew;
        using (var earlier = Command("SELECT 1 FROM alerts WHERE alert_key = $k LIMIT 1", tx))
        {
            earlier.Parameters.AddWithValue("$k", alert.AlertKey);
            isNew = earlier.ExecuteScalar() is null;
        }
        using (var insert = Command("INSERT INTO alerts(message_id, alert_key, partition_key, severity, is_new, payload) VALUES($m, $k, $p, $s, $n, $j) RETURNING seq", tx))
        {
            insert.Parameters.AddWithValue("$m", alert.MessageId);
            insert.Parameters.AddWithValue("$k", alert.AlertKey);
            insert.Parameters.AddWithValue("$p", alert.PartitionKey);
            insert.Parameters.AddWithValue("$s", alert.SeverityRank);
            insert.Parameters.AddWithValue("$n", isNew ? 1 : 0);
            insert.Parameters.AddWithValue("$j", JsonSerializer.Serialize(alert, ForwardingJsonContext.Default.OutboundAlert));
            seq = (long)insert.ExecuteScalar()!;
        }
        foreach (var target in targets) InsertDelivery(seq, target, alert.SeverityRank, tx);
        _pendingEstimate++;
        Counters.AddQueued();
        return result;
    }

    private int InsertDelivery(long seq, string target, int severity, SqliteTransaction tx)
    {
        using var insert = Command("INSERT OR IGNORE INTO deliveries(target, seq, state, severity) VALUES($t, $q, 0, $s)", tx);
        insert.Parameters.AddWithValue("$t", target);
        insert.Parameters.AddWithValue("$q", seq);
        insert.Parameters.AddWithValue("$s", severity);
        return insert.ExecuteNonQuery();
    }

    private bool Evict(int severity, SqliteTransaction tx)
    {
        // Index seeks (deliveries_overflow, deliveries_pending): the cost does not grow with what was dropped before.
        string? sql = _options.Overflow switch
        {
            OverflowPolicy.DropLeastSevere => "SELECT seq FROM deliveries WHERE state = 0 AND severity < $s ORDER BY severity, seq LIMIT 1",
            OverflowPolicy.DropOldest => "SELECT seq FROM deliveries WHERE state = 0 ORDER BY seq LIMIT 1",
            _ => null,
        };
        if (sql is null) return false;
        using var find = Command(sql, tx);
        find.Parameters.AddWithValue("$s", severity);
        if (find.ExecuteScalar() is not long victim) return false;
        using var drop = Command("UPDATE deliveries SET state = 3, last_error = 'dropped: outbox full', settled = $now WHERE seq = $q AND state = 0", tx);
        drop.Parameters.AddWithValue("$q", victim);
        drop.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        drop.ExecuteNonQuery();
        _pendingEstimate--;
        return true;
    }

    /// <summary>The oldest pending entries for a target, in send order.</summary>
    public IReadOnlyList<OutboxEntry> Pending(string target, int max)
    {
        lock (_lock)
        {
            using var select = Command("""
                SELECT a.seq, a.payload, a.is_new, d.attempts FROM deliveries d JOIN alerts a ON a.seq = d.seq
                WHERE d.target = $t AND d.state = 0 ORDER BY d.seq LIMIT $n
                """, null);
            select.Parameters.AddWithValue("$t", target);
            select.Parameters.AddWithValue("$n", max);
            var list = new List<OutboxEntry>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var alert = JsonSerializer.Deserialize(reader.GetString(1), ForwardingJsonContext.Default.OutboundAlert)!;
                list.Add(new OutboxEntry(reader.GetInt64(0), alert, reader.GetInt64(2) != 0, reader.GetInt32(3)));
            }
            return list;
        }
    }

    /// <summary>Records stored (pending or settled, not yet pruned).</summary>
    public long StoredCount()
    {
        lock (_lock)
        {
            using var count = Command("SELECT COUNT(*) FROM alerts", null);
            return (long)count.ExecuteScalar()!;
        }
    }

    /// <summary>Entries still pending for a target.</summary>
    public long PendingCount(string target)
    {
        lock (_lock)
        {
            using var count = Command("SELECT COUNT(*) FROM deliveries WHERE target = $t AND state = 0", null);
            count.Parameters.AddWithValue("$t", target);
            return (long)count.ExecuteScalar()!;
        }
    }

    /// <summary>Count of entries in a state for a target (tests, summary).</summary>
    public long Count(string target, DeliveryState state)
    {
        lock (_lock)
        {
            using var count = Command("SELECT COUNT(*) FROM deliveries WHERE target = $t AND state = $s", null);
            count.Parameters.AddWithValue("$t", target);
            count.Parameters.AddWithValue("$s", (int)state);
            return (long)count.ExecuteScalar()!;
        }
    }

    /// <summary>Marks entries accepted by the target.</summary>
    public void MarkSent(string target, IReadOnlyList<long> sequences) => SetState(target, sequences, DeliveryState.Sent, null);

    /// <summary>Dead-letters entries with the reason (kept in the file for inspection, never sent again).</summary>
    public void DeadLetter(string target, IReadOnlyList<long> sequences, string reason) => SetState(target, sequences, DeliveryState.DeadLettered, reason);

    /// <summary>Records a failed attempt on one entry; true when that made it reach the attempt limit.</summary>
    public bool RecordFailedAttempt(string target, long sequence, string reason)
    {
        lock (_lock)
        {
            using var update = Command("UPDATE deliveries SET attempts = attempts + 1, last_error = $e WHERE target = $t AND seq = $q AND state = 0 RETURNING attempts", null);
            update.Parameters.AddWithValue("$e", reason);
            update.Parameters.AddWithValue("$t", target);
            update.Parameters.AddWithValue("$q", sequence);
            return update.ExecuteScalar() is long attempts && attempts >= _options.MaxAttempts;
        }
    }

    /// <summary>The reason an entry was dead-lettered or dropped; null when none.</summary>
    public string? LastError(string target, long sequence)
    {
        lock (_lock)
        {
            using var select = Command("SELECT last_error FROM deliveries WHERE target = $t AND seq = $q", null);
            select.Parameters.AddWithValue("$t", target);
            select.Parameters.AddWithValue("$q", sequence);
            return select.ExecuteScalar() as string;
        }
    }

    private void SetState(string target, IReadOnlyList<long> sequences, DeliveryState state, string? reason)
    {
        if (sequences.Count == 0) return;
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            using var update = Command("UPDATE deliveries SET state = $s, last_error = coalesce($e, last_error), settled = $now WHERE target = $t AND seq = $q AND state = 0", tx);
            update.Parameters.AddWithValue("$s", (int)state);
            update.Parameters.AddWithValue("$e", (object?)reason ?? DBNull.Value);
            update.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$t", target);
            var q = update.Parameters.Add("$q", SqliteType.Integer);
            foreach (var seq in sequences)
            {
                q.Value = seq;
                update.ExecuteNonQuery();
            }
            if (_fullEpisode)
            {
                // The episode ends with room to spare, so a link that flaps at the bound raises one alert, not one per flap.
                _pendingEstimate = CountPending(tx);
                _settledSinceCount = false;
                if (_pendingEstimate < _options.MaxPending - _options.MaxPending / 10) _fullEpisode = _fullRaised = false;
            }
            else _settledSinceCount = true;
            tx.Commit();
        }
    }

    /// <summary>
    /// Deletes records settled for every target (sent, dead-lettered, dropped) longer than
    /// <see cref="OutboxOptions.Retention"/> ago, and gives the freed pages back to the file system; returns how many
    /// records were deleted. Pending records are never touched.
    /// </summary>
    public int Prune(DateTimeOffset now)
    {
        long cutoff = (now - _options.Retention).ToUnixTimeMilliseconds();
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            // A record goes only when none of its deliveries is pending or settled within the retention.
            using (var mark = Command("""
                CREATE TEMP TABLE IF NOT EXISTS prune(seq INTEGER PRIMARY KEY);
                DELETE FROM prune;
                INSERT INTO prune SELECT seq FROM deliveries GROUP BY seq
                  HAVING SUM(state = 0) = 0 AND MAX(coalesce(settled, 0)) < $cutoff;
                DELETE FROM deliveries WHERE seq IN (SELECT seq FROM prune);
                """, tx))
            {
                mark.Parameters.AddWithValue("$cutoff", cutoff);
                mark.ExecuteNonQuery();
            }
            int deleted;
            using (var delete = Command("DELETE FROM alerts WHERE seq IN (SELECT seq FROM prune)", tx)) deleted = delete.ExecuteNonQuery();
            tx.Commit();
            Execute(_db, "PRAGMA incremental_vacuum;");
            Counters.AddPruned(deleted);
            return deleted;
        }
    }

    private long CountPending(SqliteTransaction? tx = null)
    {
        using var count = Command("SELECT COUNT(DISTINCT seq) FROM deliveries WHERE state = 0", tx);
        return (long)count.ExecuteScalar()!;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        lock (_lock) _db.Dispose();
    }
}
