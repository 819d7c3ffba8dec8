using OtSensor.Analysis.Inventory.Oui;
using OtSensor.Core.Net;

namespace OtSensor.Analysis.Tests.Inventory;

public sealed class OuiRegistryTests
{
    private static MacAddress Mac(ulong value) => new(value);

    [Fact]
    public void Default_EmbeddedSnapshot_HoldsTheIeeeRegistry()
    {
        // ieee-data 20220827: 32,441 MA-L + 4,325 MA-M + 9,554 MA-S/IAB assignments with a published organisation.
        Assert.True(OuiRegistry.Default.Count >= 30_000, $"{OuiRegistry.Default.Count} prefixes");
    }

    [Theory]
    [InlineData(0x000E8C_112233UL, "Siemens AG")]            // MA-L 00-0E-8C
    [InlineData(0x001D9C_C513DDUL, "Rockwell Automation")]   // MA-L 00-1D-9C (enip capture's PLC)
    [InlineData(0x000C29_F78599UL, "VMware, Inc.")]          // MA-L 00-0C-29
    [InlineData(0x0055DA_0ABCDEUL, "Shinko Technos co.,ltd.")] // MA-M 00-55-DA-0
    [InlineData(0x001BC5_001234UL, "OpenRB.com, Direct SIA")] // MA-S 00-1B-C5-001 inside the registry's own MA-L
    public void Lookup_AssignedPrefix_GivesOrganisation(ulong mac, string vendor)
        => Assert.Equal(vendor, OuiRegistry.Default.Lookup(Mac(mac)));

    [Theory]
    [InlineData(0x01005E_000001UL)] // IPv4 multicast (group bit)
    [InlineData(0xFFFFFF_FFFFFFUL)] // broadcast
    [InlineData(0x020000_000001UL)] // locally administered (U/L bit), e.g. virtual NICs
    [InlineData(0x0A0027_000000UL)] // locally administered (VirtualBox host-only style)
    [InlineData(0UL)]
    public void Lookup_GroupLocalOrZero_GivesNoVendor(ulong mac)
        => Assert.Null(OuiRegistry.Default.Lookup(Mac(mac)));

    [Fact]
    public void Lookup_Repeated_AllocatesNothing()
    {
        var registry = OuiRegistry.Default;
        var mac = Mac(0x000E8C_112233UL);
        registry.Lookup(mac);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) registry.Lookup(Mac(0x000E8C_000000UL + (ulong)i));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Parse_MalformedLines_AreSkipped()
    {
        using var reader = new StringReader("24\t000E8C\tSiemens AG\n24\t00E8C\tshort prefix\nnot a line\n28\t0055DA0\tShinko\n");
        var registry = OuiRegistry.Parse(reader);
        Assert.Equal(2, registry.Count);
        Assert.Equal("Shinko", registry.Lookup(Mac(0x0055DA_0F0000UL)));
    }
}
