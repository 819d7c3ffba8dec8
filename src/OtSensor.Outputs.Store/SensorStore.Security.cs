using System.Security.Cryptography;
using System.Text;

namespace OtSensor.Outputs.Store;

public sealed partial class SensorStore
{
    // A hash of a password nobody has: a login for an unknown user costs the same PBKDF2 work as for a known one.
    private static readonly (byte[] Hash, byte[] Salt, int Iterations) Decoy = PasswordHasher.Hash(PasswordHasher.Generate());

    public bool HasUsers()
    {
        using var db = OpenRead();
        return Scalar(db, null, "SELECT COUNT(*) FROM users") > 0;
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public bool CreateUser(string username, string role, string password)
    {
        if (!Roles.IsKnown(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        var (hash, salt, iterations) = PasswordHasher.Hash(password);
        return InTransaction((db, tx) => NonQuery(db, tx, """
            INSERT OR IGNORE INTO users(username, role, password_hash, salt, iterations, created) VALUES($u, $r, $h, $s, $i, $t)
            """, ("$u", username), ("$r", role), ("$h", hash), ("$s", salt), ("$i", iterations), ("$t", Now())) == 1);
    }

    public UserRecord? GetUser(string username)
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT username, role, created FROM users WHERE username = $u", ("$u", username));
        using var r = command.ExecuteReader();
        return r.Read() ? new UserRecord(r.GetString(0), r.GetString(1), r.GetInt64(2)) : null;
    }

    public IReadOnlyList<UserRecord> GetUsers()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT username, role, created FROM users ORDER BY username");
        using var r = command.ExecuteReader();
        var list = new List<UserRecord>();
        while (r.Read()) list.Add(new UserRecord(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        return list;
    }

    /// <summary>Deletes a user with their sessions and tokens; false when unknown.</summary>
    public bool DeleteUser(string username) => InTransaction((db, tx) =>
    {
        NonQuery(db, tx, "UPDATE tokens SET revoked = 1 WHERE username = $u", ("$u", username));
        return NonQuery(db, tx, "DELETE FROM users WHERE username = $u", ("$u", username)) == 1;
    });

    /// <summary>The user when <paramref name="password"/> is theirs, else null (same cost either way).</summary>
    public UserRecord? VerifyPassword(string username, string password)
    {
        byte[]? hash = null, salt = null;
        int iterations = 0;
        UserRecord? user = null;
        using (var db = OpenRead())
        using (var command = Command(db, null, "SELECT username, role, created, password_hash, salt, iterations FROM users WHERE username = $u", ("$u", username)))
        using (var r = command.ExecuteReader())
        {
            if (r.Read())
            {
                user = new UserRecord(r.GetString(0), r.GetString(1), r.GetInt64(2));
                hash = (byte[])r.GetValue(3);
                salt = (byte[])r.GetValue(4);
                iterations = r.GetInt32(5);
            }
        }
        if (user is null)
        {
            PasswordHasher.Verify(password, Decoy.Hash, Decoy.Salt, Decoy.Iterations);
            return null;
        }
        return PasswordHasher.Verify(password, hash!, salt!, iterations) ? user : null;
    }

    /// <summary>Replaces a user's password and ends their sessions (except <paramref name="keepSession"/>, the one that
    /// asked); false when unknown.</summary>
    public bool SetPassword(string username, string newPassword, string? keepSession = null)
    {
        var (hash, salt, iterations) = PasswordHasher.Hash(newPassword);
        var keep = keepSession is null ? [] : Sha256(keepSession);
        return InTransaction((db, tx) =>
        {
            NonQuery(db, tx, "DELETE FROM sessions WHERE username = $u AND hash <> $k", ("$u", username), ("$k", keep));
            return NonQuery(db, tx, "UPDATE users SET password_hash = $h, salt = $s, iterations = $i WHERE username = $u",
                ("$h", hash), ("$s", salt), ("$i", iterations), ("$u", username)) == 1;
        });
    }

    /// <summary>Creates an API token; the returned text is the only copy (the store keeps its SHA-256).</summary>
    public (TokenRecord Record, string Token) CreateToken(string description, string username, string role)
    {
        if (!Roles.IsKnown(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        // 32 hex characters, the sensor's own token shape (sensor-reference §9.0).
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        long now = Now();
        long id = InTransaction((db, tx) => Scalar(db, tx, """
            INSERT INTO tokens(description, hash, username, role, created) VALUES($d, $h, $u, $r, $t) RETURNING id
            """, ("$d", description), ("$h", Sha256(token)), ("$u", username), ("$r", role), ("$t", now)));
        return (new TokenRecord(id, description, username, role, now, null), token);
    }

    /// <summary>Tokens not revoked.</summary>
    public IReadOnlyList<TokenRecord> GetTokens()
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT id, description, username, role, created, last_used FROM tokens WHERE revoked = 0 ORDER BY id");
        using var r = command.ExecuteReader();
        var list = new List<TokenRecord>();
        while (r.Read()) list.Add(new TokenRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), NullableLong(r, 5)));
        return list;
    }

    public bool RevokeToken(long id)
        => InTransaction((db, tx) => NonQuery(db, tx, "UPDATE tokens SET revoked = 1 WHERE id = $id AND revoked = 0", ("$id", id)) == 1);

    /// <summary>The token's record when it is valid (not revoked, its user still there); records the use.</summary>
    public TokenRecord? AuthenticateToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = Sha256(token);
        TokenRecord? record = null;
        using (var db = OpenRead())
        using (var command = Command(db, null, """
            SELECT t.id, t.description, t.username, t.role, t.created, t.last_used FROM tokens t JOIN users u ON u.username = t.username
            WHERE t.hash = $h AND t.revoked = 0
            """, ("$h", hash)))
        using (var r = command.ExecuteReader())
            if (r.Read()) record = new TokenRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), NullableLong(r, 5));
        if (record is null) return null;
        long now = Now();
        // "Used" is shown to the minute: write it at most every 10 s, not on every call.
        if (record.LastUsed is not long last || now - last > 10_000)
            InTransaction((db, tx) => NonQuery(db, tx, "UPDATE tokens SET last_used = $t WHERE id = $id", ("$t", now), ("$id", record.Id)));
        return record with { LastUsed = now };
    }

    /// <summary>Opens a console session; returns the cookie value (the store keeps its SHA-256) and the CSRF token.</summary>
    public (string Session, string Csrf) CreateSession(string username, TimeSpan lifetime)
    {
        var session = Base64Url(RandomNumberGenerator.GetBytes(32));
        var csrf = Base64Url(RandomNumberGenerator.GetBytes(24));
        long now = Now();
        InTransaction((db, tx) =>
        {
            NonQuery(db, tx, "DELETE FROM sessions WHERE expires < $t", ("$t", now));
            NonQuery(db, tx, "INSERT INTO sessions(hash, username, csrf, created, expires) VALUES($h, $u, $c, $t, $e)",
                ("$h", Sha256(session)), ("$u", username), ("$c", csrf), ("$t", now), ("$e", now + (long)lifetime.TotalMilliseconds));
        });
        return (session, csrf);
    }

    /// <summary>The live session behind a cookie value, or null (unknown, expired, user gone).</summary>
    public SessionInfo? GetSession(string session)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var db = OpenRead();
        using var command = Command(db, null, """
            SELECT s.username, u.role, s.csrf, s.expires FROM sessions s JOIN users u ON u.username = s.username WHERE s.hash = $h AND s.expires > $t
            """, ("$h", Sha256(session)), ("$t", Now()));
        using var r = command.ExecuteReader();
        return r.Read() ? new SessionInfo(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)) : null;
    }

    public void DeleteSession(string session)
        => InTransaction((db, tx) => NonQuery(db, tx, "DELETE FROM sessions WHERE hash = $h", ("$h", Sha256(session))));

    public string? GetSetting(string key)
    {
        using var db = OpenRead();
        using var command = Command(db, null, "SELECT value FROM settings WHERE key = $k", ("$k", key));
        return command.ExecuteScalar() as string;
    }

    public void SetSetting(string key, string value)
        => InTransaction((db, tx) => NonQuery(db, tx, "INSERT INTO settings(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            ("$k", key), ("$v", value)));

    private static byte[] Sha256(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
