namespace OtSensor.Analysis.Inventory;

/// <summary>Where a <see cref="Subnet"/> comes from.</summary>
public enum SubnetOrigin : byte
{
    /// <summary>Given by the user (<c>--subnets</c>).</summary>
    Configured,

    /// <summary>Drawn around an address seen on the wire: an IPv4 /24 or an IPv6 /64.</summary>
    Learned,

    /// <summary>Every public (internet) address no configured subnet covers.</summary>
    Public,
}
