using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OtSensor.Server;

/// <summary>Reports: queue one (generated in the background), list them, download the PDF or the CSV archive.</summary>
internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        Routes.Post(app, "/api/console/reports", context => Create(context, server)).WithTags("Reports");
        Routes.Get(app, "/api/console/reports", context => List(context, server)).WithTags("Reports");
        Routes.Get(app, "/api/console/reports/{id}/pdf", context => Download(context, server, context.Request.RouteValues["id"] as string, pdf: true)).WithTags("Reports");
        Routes.Get(app, "/api/console/reports/{id}/csv", context => Download(context, server, context.Request.RouteValues["id"] as string, pdf: false)).WithTags("Reports");
    }

    private static async Task Create(HttpContext context, ServerContext server)
    {
        using var body = await HttpJson.ReadBody(context).ConfigureAwait(false);
        if (body is null) return;
        var site = HttpJson.String(body.RootElement, "site");
        if (site is not null && (site.Length > 200 || site.Any(char.IsControl)))
        {
            await HttpJson.Error(context, 400, "site must be at most 200 printable characters").ConfigureAwait(false);
            return;
        }
        var report = server.Reports.Queue(string.IsNullOrWhiteSpace(site) ? "OtSensor site" : site.Trim());
        await HttpJson.Write(context, StatusCodes.Status202Accepted, w => ApiObjects.Report(w, report)).ConfigureAwait(false);
    }

    private static Task List(HttpContext context, ServerContext server)
    {
        var reports = server.Store.GetReports();
        return HttpJson.Ok(context, w =>
        {
            w.WriteStartArray();
            foreach (var r in reports) ApiObjects.Report(w, r);
            w.WriteEndArray();
        });
    }

    private static async Task Download(HttpContext context, ServerContext server, string? idText, bool pdf)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await HttpJson.Error(context, 400, "the report id must be a number").ConfigureAwait(false);
            return;
        }
        var report = server.Store.GetReport(id);
        if (report is null)
        {
            await HttpJson.Error(context, 404, $"report {id} not found").ConfigureAwait(false);
            return;
        }
        if (report.State != "done")
        {
            await HttpJson.Error(context, 409, $"report {id} is {report.State}, not done").ConfigureAwait(false);
            return;
        }
        var relative = pdf ? report.PdfPath : report.CsvPath;
        var full = relative is null ? null : server.ResolveStoreFile(relative);
        if (full is null || !File.Exists(full))
        {
            await HttpJson.Error(context, 404, $"report {id} has no {(pdf ? "PDF" : "CSV archive")}").ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = pdf ? "application/pdf" : "application/zip";
        context.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"otsensor-report-{id}.{(pdf ? "pdf" : "zip")}\"");
        await context.Response.SendFileAsync(full, context.RequestAborted).ConfigureAwait(false);
    }
}
