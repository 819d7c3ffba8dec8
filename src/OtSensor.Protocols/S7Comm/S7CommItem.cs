namespace OtSensor.Protocols.S7Comm;

/// <summary>One read/write var item specification. For S7ANY (syntax 0x10) all fields are set; other address
/// syntaxes (DBREAD 0xB0, NCK 0x82, ...) have only <see cref="Syntax"/> and <see cref="SpecLength"/>.</summary>
public readonly record struct S7CommItem(
    byte SpecLength,
    byte Syntax,
    byte TransportSize,
    ushort Length,
    ushort DbNumber,
    byte Area,
    int BitAddress)
{
    public bool IsS7Any => Syntax == S7CommConstants.SyntaxS7Any;

    /// <summary>Byte address (bit address / 8).</summary>
    public int ByteAddress => BitAddress >> 3;
}
