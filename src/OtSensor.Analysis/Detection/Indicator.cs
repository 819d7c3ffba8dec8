namespace OtSensor.Analysis.Detection;

/// <summary>One known-bad address or domain of an <see cref="IndicatorSet"/>: what it is and who published it.</summary>
public sealed record Indicator(string Type, string Value, string Name, string Source);
