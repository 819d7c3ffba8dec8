using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OtSensor.Server;

/// <summary>
/// Writes JSON responses straight into the response pipe with <see cref="Utf8JsonWriter"/> (field names exactly as the
/// sensor API spells them, no reflection), reads request bodies and query values, and answers errors as one line
/// <c>{"error": "..."}</c>.
/// </summary>
internal static class HttpJson
{
    /// <summary>Relaxed escaping (as the file outputs): the body is JSON, never inlined into HTML.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task Write(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using (var w = new Utf8JsonWriter(context.Response.BodyWriter, Options))
            body(w);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static Task Ok(HttpContext context, Action<Utf8JsonWriter> body) => Write(context, StatusCodes.Status200OK, body);

    public static Task Error(HttpContext context, int status, string message)
        => Write(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        });

    /// <summary>The request body as JSON: null (and a 400 written) when it is missing or malformed.</summary>
    public static async Task<JsonDocument?> ReadBody(HttpContext context)
    {
        try
        {
            if (context.Request.ContentLength == 0)
            {
                await Error(context, StatusCodes.Status400BadRequest, "a JSON body is required").ConfigureAwait(false);
                return null;
            }
            var doc = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                await Error(context, StatusCodes.Status400BadRequest, "the JSON body must be an object").ConfigureAwait(false);
                return null;
            }
            return doc;
        }
        catch (JsonException e)
        {
            await Error(context, StatusCodes.Status400BadRequest, "malformed JSON: " + OneLine(e.Message)).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>A string property of a body, or null when absent, null or not a string.</summary>
    public static string? String(JsonElement body, string name)
        => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>An optional integer query value: false (with the reason) when present but not a whole number.</summary>
    public static bool TryQueryLong(HttpContext context, string name, out long? value, out string? error)
    {
        value = null;
        error = null;
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0) return true;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        error = $"query value '{name}' must be a whole number, not '{Shorten(text)}'";
        return false;
    }

    /// <summary>An optional boolean query value (true/false).</summary>
    public static bool TryQueryBool(HttpContext context, string name, out bool? value, out string? error)
    {
        value = null;
        error = null;
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0) return true;
        if (bool.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        error = $"query value '{name}' must be true or false, not '{Shorten(text)}'";
        return false;
    }

    /// <summary>The console's paging (offset default 0, limit default 100, at most 1000).</summary>
    public static bool TryPaging(HttpContext context, out int offset, out int limit, out string? error)
    {
        offset = 0;
        limit = 100;
        if (!TryQueryLong(context, "offset", out var o, out error) || !TryQueryLong(context, "limit", out var l, out error)) return false;
        if (o is < 0 or > int.MaxValue)
        {
            error = "query value 'offset' must be 0 or more";
            return false;
        }
        if (l is < 1 or > 1000)
        {
            error = "query value 'limit' must be between 1 and 1000";
            return false;
        }
        offset = (int)(o ?? 0);
        limit = (int)(l ?? 100);
        return true;
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    public static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    public static void WriteNullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
