using OtSensor.Analysis.Inventory;

namespace OtSensor.Analysis.Tests.Inventory;

public sealed class DeviceEvidenceTests
{
    [Fact]
    public void Set_StrongerEvidence_ReplacesWeaker()
    {
        var e = new DeviceEvidence();
        Assert.True(e.Set(DeviceAttribute.Vendor, "Siemens AG", EvidenceSources.Oui, "00:0e:8c", EvidenceConfidence.Oui));
        Assert.True(e.Set(DeviceAttribute.Vendor, "Siemens", "s7comm.identity", "s7comm SZL", EvidenceConfidence.IdentityMessage));
        var vendor = e[DeviceAttribute.Vendor];
        Assert.Equal(("Siemens", "s7comm.identity", (byte)90), (vendor.Value, vendor.Source, vendor.Confidence));
    }

    [Fact]
    public void Set_WeakerOrEqualEvidence_KeepsTheFirst()
    {
        var e = new DeviceEvidence();
        e.Set(DeviceAttribute.Name, "station_1", "s7comm.identity", "SZL 0x001C index 1", EvidenceConfidence.IdentityMessage);
        Assert.False(e.Set(DeviceAttribute.Name, "module name", "s7comm.identity", "SZL 0x001C index 2", EvidenceConfidence.IdentityMessage));
        Assert.False(e.Set(DeviceAttribute.Name, "guess", EvidenceSources.Port, null, EvidenceConfidence.Port));
        Assert.Equal("station_1", e.Value(DeviceAttribute.Name));
    }

    [Fact]
    public void Set_WireBytes_CleanedTrimmedAndBounded()
    {
        var e = new DeviceEvidence();
        byte[] wire = [(byte)' ', (byte)'C', (byte)'P', (byte)'U', 0x00, (byte)'1', (byte)' ', (byte)' '];
        Assert.True(e.Set(DeviceAttribute.Model, wire, "s7comm.identity", null, 90));
        Assert.Equal("CPU 1", e.Value(DeviceAttribute.Model));
        var name = new DeviceEvidence();
        name.Set(DeviceAttribute.Name, new byte[1000].Select(_ => (byte)'A').ToArray(), "x.identity", null, 90);
        Assert.Equal(128, name.Value(DeviceAttribute.Name)!.Length);
    }

    [Fact]
    public void Set_BlankWireValue_IsNotStated()
    {
        var e = new DeviceEvidence();
        Assert.False(e.Set(DeviceAttribute.Serial, "   "u8, "x.identity", null, 90));
        Assert.True(e.IsEmpty);
    }

    [Fact]
    public void Set_RepeatedIdentityStatement_AllocatesNothing()
    {
        var e = new DeviceEvidence();
        e.Set(DeviceAttribute.Firmware, "V3.2.7"u8, "s7comm.identity", null, EvidenceConfidence.IdentityMessage);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) e.Set(DeviceAttribute.Firmware, "V3.2.7"u8, "s7comm.identity", null, EvidenceConfidence.IdentityMessage);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
