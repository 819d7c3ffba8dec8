namespace OtSensor.Integration.Tests.Conformance;

/// <summary>One code whose count differs between tshark and OtSensor.</summary>
internal sealed record HistogramDiff(string Field, int Code, int Tshark, int Ours)
{
    public static IEnumerable<HistogramDiff> Compare(string field, SortedDictionary<int, int> tshark, SortedDictionary<int, int> ours)
    {
        foreach (var code in tshark.Keys.Union(ours.Keys).Order())
        {
            int t = tshark.GetValueOrDefault(code), o = ours.GetValueOrDefault(code);
            if (t != o) yield return new HistogramDiff(field, code, t, o);
        }
    }

    public override string ToString() => $"{Field}[{Code}]: tshark {Tshark}, ours {Ours}";
}
