namespace OtSensor.Protocols.OpcUa;

/// <summary>
/// The well-formed EndpointDescriptions of a response body, enumerated in place (no allocation). The parser has
/// already walked the array once and counted the elements that decode, so enumeration never fails midway.
/// </summary>
public readonly ref struct OpcUaEndpoints
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly int _start;

    internal OpcUaEndpoints(ReadOnlySpan<byte> body, int start, int count)
    {
        _body = body;
        _start = start;
        Count = count;
    }

    /// <summary>Endpoints that decoded (at most <see cref="OpcUaConstants.MaxArrayElements"/>).</summary>
    public int Count { get; }

    /// <summary>The body the endpoint ranges point into.</summary>
    public ReadOnlySpan<byte> Body => _body;

    public Enumerator GetEnumerator() => new(_body, _start, Count);

    /// <summary>Reads one EndpointDescription; false (with the reader's error set) when it does not decode.</summary>
    internal static bool Read(ref OpcUaReader reader, out OpcUaEndpoint endpoint)
    {
        endpoint = default;
        if (!reader.Bytes(out var url) || !reader.ApplicationDescription(out var server) || !reader.Bytes(out var certificate)
            || !reader.Int32(out int mode) || !reader.Bytes(out var policy) || !reader.ArrayLength(out int tokens))
            return false;
        byte tokenTypes = 0;
        for (int i = 0; i < tokens; i++)
        {
            // UserTokenPolicy: PolicyId, TokenType, IssuedTokenType, IssuerEndpointUrl, SecurityPolicyUri (Part 4 §7.37).
            if (!reader.Bytes(out _) || !reader.Int32(out int tokenType) || !reader.Bytes(out _) || !reader.Bytes(out _) || !reader.Bytes(out _))
                return false;
            if ((uint)tokenType < 8) tokenTypes |= (byte)(1 << tokenType);
        }
        if (!reader.Bytes(out var transport) || !reader.Byte(out byte level)) return false;
        endpoint = new OpcUaEndpoint(url, server, Math.Max(certificate.Length, 0), mode, policy, tokenTypes, transport, level);
        return true;
    }

    public ref struct Enumerator
    {
        private OpcUaReader _reader;
        private readonly int _count;
        private int _index;

        internal Enumerator(ReadOnlySpan<byte> body, int start, int count)
        {
            _reader = new OpcUaReader(body);
            _reader.Skip(start);
            _count = count;
            _index = 0;
            Current = default;
        }

        public OpcUaEndpoint Current { get; private set; }

        public bool MoveNext()
        {
            if (_index >= _count || !Read(ref _reader, out var endpoint)) return false;
            Current = endpoint;
            _index++;
            return true;
        }
    }
}
