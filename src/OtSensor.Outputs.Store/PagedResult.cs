namespace OtSensor.Outputs.Store;

/// <summary>One page of a listing and how many items match in all (the console's <c>{total, items}</c>).</summary>
public sealed record PagedResult<T>(long Total, IReadOnlyList<T> Items);
