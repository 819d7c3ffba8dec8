using OtSensor.Core.Time;

namespace OtSensor.Decoding.Fragments;

/// <summary>
/// One datagram under reassembly. Pooled by <see cref="IPFragmentReassembler"/>; the data buffer is rented
/// per datagram and returned on completion or eviction.
/// </summary>
/// <remarks>
/// Received bytes are tracked as sorted, disjoint, non-adjacent ranges [start, end) in <see cref="Ranges"/>;
/// the datagram is complete when its total length is known (a fragment without MF arrived) and exactly one
/// range [0, total) remains. Holes are the gaps between ranges.
/// </remarks>
internal sealed class FragmentDatagram
{
    public FragmentDatagram(int maxRanges)
    {
        Ranges = new (int Start, int End)[maxRanges];
        Node = new LinkedListNode<FragmentDatagram>(this);
    }

    public FragmentKey Key;
    public Timestamp FirstSeen;
    public byte[]? Buffer;
    /// <summary>Payload length, known once the last fragment (MF clear) arrived; -1 before.</summary>
    public int TotalLength;
    public readonly (int Start, int End)[] Ranges;
    public int RangeCount;
    /// <summary>Node in the reassembler's age list (oldest first), allocated once with the object.</summary>
    public readonly LinkedListNode<FragmentDatagram> Node;

    public void Reset(in FragmentKey key, Timestamp firstSeen)
    {
        Key = key;
        FirstSeen = firstSeen;
        Buffer = null;
        TotalLength = -1;
        RangeCount = 0;
    }
}
