using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Protocols.Mms;

namespace OtSensor.Analysis.Tests.Inventory;

/// <summary>
/// Identity messages become evidence on the sender with source "&lt;protocol&gt;.identity" and the decoder's message
/// name as detail. MMS identify has no public capture, so it is shown here on an annotated response.
/// </summary>
public sealed class IdentityStatementTests
{
    private static readonly Timestamp T0 = Timestamp.FromSeconds(1_700_000_000, 0);

    // ISO 8327 session + ISO 8823 presentation wrapping of an MMS PDU (as the MMS session hands it to the parser).
    private static byte[] Tsdu(byte[] mms) =>
    [
        0x01, 0x00,                             // GIVE-TOKENS SPDU, LI 0
        0x01, 0x00,                             // DATA TRANSFER SPDU, LI 0
        0x61, (byte)(mms.Length + 7),           // fully-encoded-data [APPLICATION 1]
        0x30, (byte)(mms.Length + 5),           //   PDV-list
        0x02, 0x01, 0x03,                       //     presentation-context-identifier 3
        0xA0, (byte)mms.Length,                 //     single-ASN1-type [0]
        .. mms,
    ];

    /// <summary>MMS Identify response (ISO 9506-2 §10.3): vendor "ACME", model "IED-1", revision "1.2.3".</summary>
    private static readonly byte[] IdentifyResponse =
    [
        0xA1, 0x19,                               // confirmed-ResponsePDU [1]
        0x02, 0x01, 0x07,                         //   invokeID 7
        0xA2, 0x14,                               //   identify [2]
        0x80, 0x04, 0x41, 0x43, 0x4D, 0x45,       //     vendorName [0] "ACME"
        0x81, 0x05, 0x49, 0x45, 0x44, 0x2D, 0x31, //     modelName [1] "IED-1"
        0x82, 0x05, 0x31, 0x2E, 0x32, 0x2E, 0x33, //     revision [2] "1.2.3"
    ];

    [Fact]
    public void ObservePdu_MmsIdentifyResponse_VendorModelRevisionWithSource()
    {
        Assert.True(IPAddressBytes.TryParse("10.0.0.9", out var client));
        Assert.True(IPAddressBytes.TryParse("10.0.0.5", out var server));
        var inventory = new DeviceInventory();
        var state = new FlowDevices();
        inventory.OpenFlow(state, client, new MacAddress(0x001D9C_000001UL), server, new MacAddress(0x000E8C_000002UL), 102, T0);
        var response = MmsParser.Parse(Tsdu(IdentifyResponse), fromServer: true);
        inventory.ObservePdu(state, senderIsFlowClient: false, fromClient: false, in response);
        var ied = state.Server!;
        inventory.CloseFlow(state);
        inventory.Complete();

        foreach (var (attribute, value, detail) in new[]
                 {
                     (DeviceAttribute.Vendor, "ACME", "mms identify response vendorName"),
                     (DeviceAttribute.Model, "IED-1", "mms identify response modelName"),
                     (DeviceAttribute.Firmware, "1.2.3", "mms identify response revision"),
                 })
        {
            var e = ied.Evidence[attribute];
            Assert.Equal((value, "mms.identity", detail, (byte)90), (e.Value, e.Source, e.Detail, e.Confidence));
        }
        // The identity message beats the Siemens OUI of the card, and the MMS server is an IED.
        Assert.Equal("ACME", ied.Evidence.Value(DeviceAttribute.Vendor));
        Assert.Equal(("IED", "1"), (ied.Evidence.Value(DeviceAttribute.Type), ied.Evidence.Value(DeviceAttribute.PurdueLevel)));
    }

    [Fact]
    public void ObservePdu_RepeatedIdentifyResponse_AllocatesNothing()
    {
        Assert.True(IPAddressBytes.TryParse("10.0.0.9", out var client));
        Assert.True(IPAddressBytes.TryParse("10.0.0.5", out var server));
        var inventory = new DeviceInventory();
        var state = new FlowDevices();
        inventory.OpenFlow(state, client, default, server, default, 102, T0);
        var tsdu = Tsdu(IdentifyResponse);
        var first = MmsParser.Parse(tsdu, fromServer: true);
        inventory.ObservePdu(state, senderIsFlowClient: false, fromClient: false, in first);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            var again = MmsParser.Parse(tsdu, fromServer: true);
            inventory.ObservePdu(state, senderIsFlowClient: false, fromClient: false, in again);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
