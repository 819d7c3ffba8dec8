namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>
/// An industrial protocol guessed from a well-known server port (industrial-ports.json): <see cref="Label"/> is shown
/// on connections and devices with source "port" when no decoder recognised the flow.
/// </summary>
/// <param name="Label">Short protocol label, e.g. "s7comm/mms", "codesys".</param>
/// <param name="Protocol">The OtSensor protocol id it corresponds to ("s7comm"), null when OtSensor has none.</param>
/// <param name="Description">What listens on the port, for people.</param>
public sealed record PortLabel(string Label, string? Protocol, string Description);
