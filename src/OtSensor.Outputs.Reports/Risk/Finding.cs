namespace OtSensor.Outputs.Reports.Risk;

/// <summary>One ranked finding: what was seen, how much it costs the score, what fixing it gains, and how to fix it.</summary>
/// <remarks>
/// <see cref="Penalty"/> is the finding's contribution (percentage points taken off 100); <see cref="Gain"/> is the score
/// rise if the finding's cause were removed and the score recomputed (equal to the penalty unless the score is
/// clamped at 0). <see cref="Count"/> is the number of devices, connections, events or alerts behind it.
/// </remarks>
public sealed record Finding(
    FindingKind Kind,
    string Title,
    string Category,
    string Risk,
    int Count,
    double Penalty,
    double Gain,
    string Mitigation,
    string Evidence,
    IReadOnlyList<int> DeviceIds);
