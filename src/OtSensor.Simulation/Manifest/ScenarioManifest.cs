using System.Text.Json;
using OtSensor.Core.Time;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Manifest;

/// <summary>
/// What a generated capture contains: the command that made it, the plant's devices with the identity their protocols
/// report, the storyline's steps with their expected alerts, and the PDU count per protocol and function code in the
/// event-log contract's terms (docs/event-log-contract.md), so a decoder run can be compared with it exactly.
/// </summary>
public sealed class ScenarioManifest(string scenario, string description, int seed, Timestamp start, TimeSpan duration)
{
    private readonly SortedDictionary<string, SortedDictionary<int, long>> _pdus = new(StringComparer.Ordinal);
    private readonly List<AttackStep> _steps = [];
    private readonly List<Host> _devices = [];

    public string Scenario { get; } = scenario;
    public string Description { get; } = description;
    public int Seed { get; } = seed;
    public Timestamp Start { get; } = start;
    public TimeSpan Duration { get; } = duration;
    public IReadOnlyList<AttackStep> Steps => _steps;
    public IReadOnlyList<Host> Devices => _devices;

    /// <summary>PDU counts: protocol id → function (-1 for null) → count.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<int, long>> Pdus => _pdus;

    /// <summary>One PDU on the wire (requests and responses each count, as in <c>events.jsonl</c>).</summary>
    public void CountPdu(string protocol, int function, int count = 1)
    {
        if (!_pdus.TryGetValue(protocol, out var functions)) _pdus[protocol] = functions = [];
        functions[function] = functions.GetValueOrDefault(function) + count;
    }

    public void AddStep(AttackStep step) => _steps.Add(step);

    public void AddDevice(Host host) => _devices.Add(host);

    public void Write(Stream stream, string command, long frames)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("scenario", Scenario);
        w.WriteString("description", Description);
        w.WriteString("command", command);
        w.WriteNumber("seed", Seed);
        w.WriteString("start", Start.ToString());
        w.WriteNumber("durationSeconds", Duration.TotalSeconds);
        w.WriteNumber("frames", frames);
        w.WriteStartArray("devices");
        foreach (var d in _devices)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("ip", d.AddressText);
            w.WriteString("mac", d.Mac.ToString());
            w.WriteString("type", d.Kind.ToString());
            w.WriteNumber("purdueLevel", d.PurdueLevel);
            if (d.Vendor is not null) w.WriteString("vendor", d.Vendor);
            if (d.Model is not null) w.WriteString("model", d.Model);
            if (d.Firmware is not null) w.WriteString("firmware", d.Firmware);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("steps");
        foreach (var s in _steps)
        {
            w.WriteStartObject();
            w.WriteString("at", s.At.ToString());
            w.WriteNumber("offsetSeconds", Math.Round(s.At.Subtract(Start).TotalSeconds, 3));
            w.WriteString("name", s.Name);
            w.WriteString("description", s.Description);
            w.WriteString("attacker", s.Attacker);
            w.WriteStartArray("targets");
            foreach (var t in s.Targets) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteStartArray("expectedAlerts");
            foreach (var a in s.ExpectedAlerts) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("pdus");
        foreach (var (protocol, functions) in _pdus)
        {
            w.WriteStartObject(protocol);
            foreach (var (function, count) in functions)
                w.WriteNumber(function < 0 ? "null" : function.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
