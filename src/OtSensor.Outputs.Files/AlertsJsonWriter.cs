using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Protocols;

namespace OtSensor.Outputs.Files;

/// <summary>
/// Writes <c>alerts.json</c>: one object per alert with the sensor API's v2 alert fields (sensor-reference §9.2:
/// <c>id, time, title, message, severity, engine, sourceDevice, destinationDevice, sourceDeviceAddress,
/// destinationDeviceAddress, remediationSteps, additionalInformation</c>) and ours: the catalogue <c>type</c>,
/// <c>status</c>, <c>azureSeverity</c>, <c>category</c>, <c>mitre</c>, <c>protocol</c>, <c>count</c>,
/// <c>firstDetection</c>/<c>lastDetection</c> and <c>evidence</c> (frames, and the alert's PCAP).
/// </summary>
public static class AlertsJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="stream">Where to write.</param>
    /// <param name="alerts">The run's alerts.</param>
    /// <param name="inventory">The inventory after the run (device ids).</param>
    /// <param name="inputs">The run's capture files by input index (evidence references).</param>
    /// <param name="pcapFolder">Folder name of the alert PCAPs relative to the output folder.</param>
    /// <param name="withPcap">Ids of the alerts whose PCAP was written.</param>
    public static void Write(Stream stream, IReadOnlyList<Alert> alerts, DeviceInventory inventory, IReadOnlyList<string> inputs, string pcapFolder,
        IReadOnlySet<int> withPcap)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(withPcap);
        var known = new HashSet<int>();
        foreach (var device in inventory.Devices) known.Add(device.Id);
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartArray();
        foreach (var alert in alerts)
        {
            var type = alert.Type;
            // Hand the bytes to the stream every 64 KiB: left to Dispose, the writer would grow one buffer to the whole file.
            if (w.BytesPending > 1 << 16) w.Flush();
            w.WriteStartObject();
            w.WriteNumber("id", alert.Id);
            w.WriteNumber("time", alert.FirstTime.UnixMilliseconds);
            w.WriteString("title", type.Title);
            w.WriteString("message", alert.RenderMessage());
            w.WriteString("severity", AlertNames.Severity(type.Severity));
            w.WriteString("engine", AlertNames.Engine(type.Engine));
            WriteDevice(w, "sourceDevice", alert.SourceDeviceId, known);
            WriteDevice(w, "destinationDevice", alert.DestinationDeviceId, known);
            WriteAddress(w, "sourceDeviceAddress", alert.Source);
            WriteAddress(w, "destinationDeviceAddress", alert.Destination);
            w.WriteStartArray("remediationSteps");
            foreach (var step in alert.RenderRemediation()) w.WriteStringValue(step);
            w.WriteEndArray();
            w.WriteStartObject("additionalInformation");
            w.WriteString("description", type.Category);
            w.WriteStartArray("information");
            if (alert.Arguments.Protocol != ProtocolId.Unknown)
                w.WriteStringValue(alert.Arguments.Port > 0
                    ? $"{ProtocolNames.Get(alert.Arguments.Protocol)} over port {alert.Arguments.Port}"
                    : ProtocolNames.Get(alert.Arguments.Protocol));
            else if (alert.Arguments.Port > 0)
                w.WriteStringValue($"{alert.Destination} over port {alert.Arguments.Port}");
            w.WriteEndArray();
            w.WriteEndObject();
            // Ours, beyond the API object.
            w.WriteString("type", type.Id);
            w.WriteString("status", AlertNames.Status(alert.Status));
            w.WriteString("azureSeverity", AlertNames.AzureSeverity(type.Severity));
            w.WriteString("category", type.Category);
            w.WriteStartArray("mitre");
            foreach (var technique in type.Mitre)
            {
                w.WriteStartObject();
                w.WriteString("id", technique.Id);
                w.WriteString("name", technique.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (alert.Arguments.Protocol == ProtocolId.Unknown) w.WriteNull("protocol");
            else w.WriteString("protocol", ProtocolNames.Get(alert.Arguments.Protocol));
            if (alert.Arguments.Function >= 0) w.WriteNumber("function", alert.Arguments.Function); else w.WriteNull("function");
            w.WriteNumber("count", alert.Count);
            w.WriteString("firstDetection", alert.FirstTime.ToString());
            w.WriteString("lastDetection", alert.LastTime.ToString());
            w.WriteStartObject("evidence");
            w.WriteStartArray("frames");
            foreach (var frame in alert.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("file", (uint)frame.Input < (uint)inputs.Count ? inputs[frame.Input] : "");
                w.WriteNumber("frame", frame.Frame);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("framesLeftOut", alert.EvidenceDropped);
            if (!withPcap.Contains(alert.Id)) w.WriteNull("pcap");
            else w.WriteString("pcap", $"{pcapFolder}/{alert.Id}.pcap");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteDevice(Utf8JsonWriter w, string name, int id, HashSet<int> known)
    {
        if (id > 0 && known.Contains(id)) w.WriteNumber(name, id);
        else w.WriteNull(name);
    }

    private static void WriteAddress(Utf8JsonWriter w, string name, AlertEndpoint endpoint)
    {
        if (endpoint.IsNone) w.WriteNull(name);
        else w.WriteString(name, endpoint.ToString());
    }
}
