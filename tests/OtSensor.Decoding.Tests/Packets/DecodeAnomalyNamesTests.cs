using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Tests.Packets;

public class DecodeAnomalyNamesTests
{
    [Fact]
    public void Get_EveryDefinedBit_HasAUniqueLowercaseName()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (DecodeAnomalies value in Enum.GetValues<DecodeAnomalies>())
        {
            if (value == DecodeAnomalies.None) continue;
            string name = DecodeAnomalyNames.Get(value);
            Assert.NotEqual(DecodeAnomalyNames.Unknown, name);
            Assert.Matches("^[a-z0-9_]+$", name);
            Assert.True(seen.Add(name), name);
        }
        Assert.Equal(seen.Count, DecodeAnomalyNames.Count);
    }

    [Fact]
    public void Get_KnownBits_AreStable()
    {
        Assert.Equal("ipv4_bad_checksum", DecodeAnomalyNames.Get(9));
        Assert.Equal("too_many_vlan_tags", DecodeAnomalyNames.Get(DecodeAnomalies.TooManyVlanTags));
        Assert.Equal("fragment_overlap", DecodeAnomalyNames.Get(DecodeAnomalies.FragmentOverlap));
        Assert.Equal(DecodeAnomalyNames.Unknown, DecodeAnomalyNames.Get(63));
        Assert.Equal(DecodeAnomalyNames.Unknown, DecodeAnomalyNames.Get(-1));
    }

    [Fact]
    public void SetBits_SeveralFlags_EnumeratesLowestFirstWithoutAllocating()
    {
        var anomalies = DecodeAnomalies.FrameTooShort | DecodeAnomalies.IPv4BadChecksum | DecodeAnomalies.SourceAddressMulticast;
        var bits = new List<int>();
        foreach (int bit in DecodeAnomalyNames.SetBits(anomalies)) bits.Add(bit);
        Assert.Equal([0, 9, 27], bits);

        int sum = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (int bit in DecodeAnomalyNames.SetBits(anomalies)) sum += DecodeAnomalyNames.Get(bit).Length;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
