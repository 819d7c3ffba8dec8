using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// One learned tuple, by baseline host index (not address): 12 bytes hashed as three integers, so the policy engine's
/// look-up is cheap and allocation-free. -1 stands for no host (a group address).
/// </summary>
public readonly record struct BaselineKey(int Client, int Server, BaselineKind Kind, ProtocolId Protocol, int Value)
{
    public bool Equals(BaselineKey other)
        => Client == other.Client && Server == other.Server && Kind == other.Kind && Protocol == other.Protocol && Value == other.Value;

    public override int GetHashCode()
        => (int)((uint)Client * 0x9E3779B1u ^ (uint)Server * 0x85EBCA77u ^ (uint)(((int)Kind << 8) | (int)Protocol) * 0xC2B2AE3Du ^ (uint)Value * 0x27D4EB2Fu);
}
