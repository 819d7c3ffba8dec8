using System.Runtime.CompilerServices;

namespace OtSensor.Protocols.Snmp;

/// <summary>The first <see cref="SnmpConstants.KeptVarbinds"/> variable bindings of a PDU, inline.</summary>
[InlineArray(SnmpConstants.KeptVarbinds)]
public struct SnmpVarbindBuffer
{
    private SnmpVarbind _element;
}
