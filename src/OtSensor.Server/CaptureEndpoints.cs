using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// Play PCAP: capture uploads streamed to disk (never held in memory) under server-generated names, checked by magic
/// number and size, then played one at a time by the <see cref="CaptureWorker"/>.
/// </summary>
internal static class CaptureEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        Routes.Post(app, "/api/console/captures", context => Upload(context, server)).WithTags("Play PCAP");
        Routes.Get(app, "/api/console/captures", context => List(context, server)).WithTags("Play PCAP");
        Routes.Post(app, "/api/console/captures/play-all", context => PlayAll(context, server)).WithTags("Play PCAP");
        Routes.Post(app, "/api/console/captures/{id}/play", context => Play(context, server, context.Request.RouteValues["id"] as string)).WithTags("Play PCAP");
        Routes.Delete(app, "/api/console/captures", context => DeleteAll(context, server)).WithTags("Play PCAP");
    }

    private static async Task Upload(HttpContext context, ServerContext server)
    {
        long limit = server.Options.MaxUploadBytes;
        // The request may carry the multipart framing around the file: allow a little over the file limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + (1 << 20);
        if (context.Request.ContentLength > limit + (1 << 20))
        {
            await TooLarge(context, limit).ConfigureAwait(false);
            return;
        }
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            await HttpJson.Error(context, 400, "send the capture as multipart/form-data with one part named 'file'").ConfigureAwait(false);
            return;
        }
        Directory.CreateDirectory(server.Worker.CaptureFolder);
        string? partial = null;
        try
        {
            var reader = new MultipartReader(boundary, context.Request.Body);
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (CaptureFiles.CheckName(name) is { } problem)
                {
                    await HttpJson.Error(context, 400, problem).ConfigureAwait(false);
                    return;
                }
                var head = new byte[4];
                int got = await section.Body.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, context.RequestAborted).ConfigureAwait(false);
                var extension = CaptureFiles.ExtensionOf(head.AsSpan(0, got));
                if (extension is null)
                {
                    await HttpJson.Error(context, 400, "not a capture: the file is neither pcap nor pcapng (magic number)").ConfigureAwait(false);
                    return;
                }
                var file = CaptureFiles.NewFileName(extension);
                partial = Path.Combine(server.Worker.CaptureFolder, file + ".part");
                long written = got;
                await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await output.WriteAsync(head.AsMemory(0, got), context.RequestAborted).ConfigureAwait(false);
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await section.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
                    {
                        written += read;
                        if (written > limit)
                        {
                            await output.DisposeAsync().ConfigureAwait(false);
                            await TooLarge(context, limit).ConfigureAwait(false);
                            return;
                        }
                        await output.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted).ConfigureAwait(false);
                    }
                    await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    output.Flush(flushToDisk: true);
                }
                File.Move(partial, Path.Combine(server.Worker.CaptureFolder, file));
                partial = null;
                var record = server.Store.AddCapture(name!, file, written);
                await HttpJson.Write(context, StatusCodes.Status201Created, w => Item(w, record)).ConfigureAwait(false);
                return;
            }
            await HttpJson.Error(context, 400, "no part named 'file' in the upload").ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLarge(context, limit).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            if (!context.Response.HasStarted) await HttpJson.Error(context, 400, "malformed multipart upload: " + HttpJson.OneLine(e.Message)).ConfigureAwait(false);
        }
        finally
        {
            if (partial is not null && File.Exists(partial)) File.Delete(partial);
        }
    }

    private static Task TooLarge(HttpContext context, long limit)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        context.Response.Headers.Connection = "close";
        return HttpJson.Error(context, StatusCodes.Status413PayloadTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"the capture is larger than the upload limit ({limit} bytes)"));
    }

    private static void Item(System.Text.Json.Utf8JsonWriter w, CaptureRecord c) => ApiObjects.Capture(w, c);

    private static Task List(HttpContext context, ServerContext server)
    {
        var captures = server.Store.GetCaptures();
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var c in captures) Item(w, c);
            w.WriteEndArray();
        });
    }

    private static Task Play(HttpContext context, ServerContext server, string? idText)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return HttpJson.Error(context, 400, "the capture id must be a number");
        var capture = server.Store.GetCapture(id);
        if (capture is null) return HttpJson.Error(context, 404, $"capture {id} not found");
        if (capture.State is not ("queued" or "playing")) server.Worker.Enqueue(id);
        var current = server.Store.GetCapture(id)!;
        return HttpJson.Write(context, StatusCodes.Status202Accepted, w => Item(w, current));
    }

    private static Task PlayAll(HttpContext context, ServerContext server)
    {
        foreach (var c in server.Store.GetCaptures())
            if (c.State is not ("queued" or "playing")) server.Worker.Enqueue(c.Id);
        var captures = server.Store.GetCaptures();
        return HttpJson.Write(context, StatusCodes.Status202Accepted, w =>
        {
            w.WriteStartArray();
            foreach (var c in captures) Item(w, c);
            w.WriteEndArray();
        });
    }

    private static Task DeleteAll(HttpContext context, ServerContext server)
    {
        var folder = server.Worker.CaptureFolder;
        foreach (var c in server.Store.GetCaptures())
        {
            // Names the server generated, resolved inside the capture folder only.
            var path = Path.GetFullPath(Path.Combine(folder, Path.GetFileName(c.File)));
            if (path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)) File.Delete(path);
        }
        server.Store.DeleteCaptures();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
