using System.Text.Json;

namespace OtSensor.Server.Tests;

internal static class Json
{
    /// <summary>Asserts <paramref name="item"/> has exactly these properties among others (the documented field names).</summary>
    public static void HasFields(JsonElement item, params string[] names)
    {
        foreach (var name in names) Assert.True(item.TryGetProperty(name, out _), $"missing field '{name}' in {item}");
    }

    public static JsonElement[] Items(JsonElement array) => [.. array.EnumerateArray()];
}
