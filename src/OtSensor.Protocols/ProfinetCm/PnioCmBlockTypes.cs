using System.Runtime.CompilerServices;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>The types of the first <see cref="Capacity"/> blocks of a call body, inline (no allocation).</summary>
[InlineArray(Capacity)]
internal struct PnioCmBlockTypes
{
    public const int Capacity = 12;

    private ushort _element;
}
