namespace OtSensor.Server;

/// <summary>The password rule: 12 to 256 characters, not only letters or only digits.</summary>
internal static class PasswordPolicy
{
    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password)
    {
        if (password is null || password.Length < 12) return "a password needs at least 12 characters";
        if (password.Length > 256) return "a password has at most 256 characters";
        if (password.All(char.IsLetter) || password.All(char.IsDigit)) return "a password needs more than letters only or digits only";
        return null;
    }
}
