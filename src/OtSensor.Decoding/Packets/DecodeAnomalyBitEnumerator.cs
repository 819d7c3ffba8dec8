using System.Numerics;

namespace OtSensor.Decoding.Packets;

/// <summary>
/// Allocation-free <c>foreach</c> over the bit numbers set in a <see cref="DecodeAnomalies"/> value
/// (pass each to <see cref="DecodeAnomalyNames.Get(int)"/>).
/// </summary>
public struct DecodeAnomalyBitEnumerator(DecodeAnomalies anomalies)
{
    private ulong _remaining = (ulong)anomalies;

    /// <summary>Current bit number (0–63).</summary>
    public int Current { get; private set; }

    public readonly DecodeAnomalyBitEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_remaining == 0) return false;
        Current = BitOperations.TrailingZeroCount(_remaining);
        _remaining &= _remaining - 1;
        return true;
    }
}
