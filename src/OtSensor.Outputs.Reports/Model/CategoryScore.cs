namespace OtSensor.Outputs.Reports.Model;

/// <summary>A category's score: 100 × (1 − penalties / sum of the category's weights).</summary>
public sealed record CategoryScore(string Category, double Score, double Penalty, double MaxPenalty);
