namespace OtSensor.Protocols.Fox;

/// <summary>Enumerates the '\n'-separated lines of a Fox body without allocating.</summary>
public ref struct FoxLineEnumerator
{
    private ReadOnlySpan<byte> _rest;

    public FoxLineEnumerator(ReadOnlySpan<byte> text)
    {
        _rest = text;
        Current = default;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly FoxLineEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rest.IsEmpty) return false;
        int end = _rest.IndexOf((byte)'\n');
        if (end < 0)
        {
            Current = _rest;
            _rest = default;
            return true;
        }
        Current = _rest[..end];
        _rest = _rest[(end + 1)..];
        return true;
    }
}
