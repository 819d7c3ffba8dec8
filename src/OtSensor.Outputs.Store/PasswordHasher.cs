using System.Security.Cryptography;
using System.Text;

namespace OtSensor.Outputs.Store;

/// <summary>
/// Password hashing: PBKDF2 with HMAC-SHA-256 (<see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>),
/// 210,000 iterations (OWASP's 2023 figure for PBKDF2-SHA-256), a random 16-byte salt per password, 32-byte hash,
/// compared in constant time.
/// </summary>
/// <remarks>The iteration count is stored with each hash, so raising it later leaves old hashes verifiable.</remarks>
public static class PasswordHasher
{
    public const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static (byte[] Hash, byte[] Salt, int Iterations) Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (Derive(password, salt, Iterations), salt, Iterations);
    }

    public static bool Verify(string password, byte[] hash, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(hash);
        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), hash);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    /// <summary>A random password of <paramref name="length"/> characters from an unambiguous alphabet (the first admin's).</summary>
    public static string Generate(int length = 20)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars);
    }
}
