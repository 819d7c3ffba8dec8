using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;

namespace OtSensor.Engine;

/// <summary>Settings of one analysis run. Every bound has a default that keeps memory flat on large captures.</summary>
public sealed record EngineOptions
{
    /// <summary>Bytes of a flow's first payload offered to the probes before the flow is given up as unknown.</summary>
    public int MaxProbeBytes { get; init; } = 4096;

    /// <summary>Attempts (chunks) to recognise a flow before it is given up as unknown.</summary>
    public int MaxProbeAttempts { get; init; } = 8;

    /// <summary>How often (in frames) idle flows are expired.</summary>
    public int ExpiryIntervalFrames { get; init; } = 65_536;

    public InventoryLimits Inventory { get; init; } = new();

    /// <summary>Detection settings (learning window, catalogue, baseline); null runs no detection.</summary>
    public DetectionOptions? Detection { get; init; } = new();
}
