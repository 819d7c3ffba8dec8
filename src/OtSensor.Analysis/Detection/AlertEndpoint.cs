using OtSensor.Core.Net;

namespace OtSensor.Analysis.Detection;

/// <summary>One end of an alert: an IP address, or for layer-2 traffic a MAC address (the API's <c>…DeviceAddress</c>).</summary>
public readonly record struct AlertEndpoint(IPAddressBytes Address, MacAddress Mac)
{
    public static AlertEndpoint None => default;

    public static AlertEndpoint Of(IPAddressBytes address) => new(address, default);

    public static AlertEndpoint Of(MacAddress mac) => new(default, mac);

    public bool IsNone => Address.IsEmpty && Mac.IsZero;

    /// <summary>The address as the API shows it (IP, else MAC); empty for none. Made at output time only.</summary>
    public override string ToString() => !Address.IsEmpty ? Address.ToString() : Mac.IsZero ? "" : Mac.ToString();
}
