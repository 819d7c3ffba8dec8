using System.Text;
using OtSensor.Outputs.Store;

namespace OtSensor.Store.Tests;

public sealed class SecurityTests
{
    [Fact]
    public void VerifyPassword_RightAndWrong_OnlyTheRightOneOpens()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        Assert.False(store.HasUsers());
        Assert.True(store.CreateUser("admin", Roles.Admin, "s3cret passphrase"));
        Assert.False(store.CreateUser("admin", Roles.ReadOnly, "another passphrase"));
        Assert.True(store.HasUsers());
        Assert.Equal(Roles.Admin, store.VerifyPassword("admin", "s3cret passphrase")!.Role);
        Assert.Null(store.VerifyPassword("admin", "s3cret passphrasE"));
        Assert.Null(store.VerifyPassword("nobody", "s3cret passphrase"));
    }

    [Fact]
    public void Hash_Pbkdf2Sha256_SaltedWithAtLeast210000Iterations()
    {
        var (hash, salt, iterations) = PasswordHasher.Hash("same password");
        var (hash2, salt2, _) = PasswordHasher.Hash("same password");
        Assert.True(iterations >= 210_000);
        Assert.Equal(32, hash.Length);
        Assert.NotEqual(salt, salt2);
        Assert.NotEqual(hash, hash2);
        Assert.True(PasswordHasher.Verify("same password", hash, salt, iterations));
        Assert.False(PasswordHasher.Verify("same passwore", hash, salt, iterations));
    }

    [Fact]
    public void CreateToken_StoresOnlyItsHash_AndRevokeEndsIt()
    {
        using var fixture = new StoreFixture();
        using (var store = fixture.Open())
        {
            store.CreateUser("admin", Roles.Admin, "s3cret passphrase");
            var (record, token) = store.CreateToken("siem", "admin", Roles.Analyst);
            Assert.Matches("^[0-9a-f]{32}$", token);
            Assert.Null(store.GetTokens().Single().LastUsed);
            Assert.Equal(Roles.Analyst, store.AuthenticateToken(token)!.Role);
            Assert.NotNull(store.GetTokens().Single().LastUsed);
            Assert.Null(store.AuthenticateToken(token[..^1] + (token[^1] == '0' ? '1' : '0')));
            Assert.True(store.RevokeToken(record.Id));
            Assert.Null(store.AuthenticateToken(token));
            Assert.Empty(store.GetTokens());
            Assert.False(store.RevokeToken(record.Id));
            // The file never holds the token's text.
            store.Dispose();
            var bytes = File.ReadAllBytes(fixture.DatabasePath).Concat(File.Exists(fixture.DatabasePath + "-wal") ? File.ReadAllBytes(fixture.DatabasePath + "-wal") : []).ToArray();
            Assert.DoesNotContain(token, Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sessions_PasswordChange_EndsTheOthersButTheCaller()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        store.CreateUser("ana", Roles.Analyst, "s3cret passphrase");
        var (mine, csrf) = store.CreateSession("ana", TimeSpan.FromHours(1));
        var (other, _) = store.CreateSession("ana", TimeSpan.FromHours(1));
        Assert.Equal(csrf, store.GetSession(mine)!.CsrfToken);
        Assert.Equal(Roles.Analyst, store.GetSession(other)!.Role);
        Assert.True(store.SetPassword("ana", "new passphrase 2", keepSession: mine));
        Assert.NotNull(store.GetSession(mine));
        Assert.Null(store.GetSession(other));
        store.DeleteSession(mine);
        Assert.Null(store.GetSession(mine));
        var (expired, _) = store.CreateSession("ana", TimeSpan.FromMilliseconds(-1));
        Assert.Null(store.GetSession(expired));
    }

    [Fact]
    public void DeleteUser_RevokesTheirTokensAndSessions()
    {
        using var fixture = new StoreFixture();
        using var store = fixture.Open();
        store.CreateUser("ana", Roles.Analyst, "s3cret passphrase");
        var (_, token) = store.CreateToken("script", "ana", Roles.Analyst);
        var (session, _) = store.CreateSession("ana", TimeSpan.FromHours(1));
        Assert.True(store.DeleteUser("ana"));
        Assert.Null(store.AuthenticateToken(token));
        Assert.Null(store.GetSession(session));
        Assert.False(store.DeleteUser("ana"));
    }
}
