using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Engine.Pipeline;

/// <summary>
/// One pipeline's layer-2 sessions and the EtherType / LLC SAP tables that find them. A handful of entries,
/// scanned linearly: cheaper than a hash for so few, and nothing is allocated per frame.
/// </summary>
internal sealed class LayerTwoDispatch
{
    private readonly ushort[] _etherTypes;
    private readonly int[] _etherTypeSession;
    private readonly byte[] _saps;
    private readonly int[] _sapSession;

    public LayerTwoDispatch(IReadOnlyList<IFrameModule> modules)
    {
        Sessions = new IFrameSession[modules.Count];
        Protocols = new ProtocolId[modules.Count];
        var etherTypes = new List<(ushort Type, int Session)>();
        var saps = new List<(byte Sap, int Session)>();
        for (int i = 0; i < modules.Count; i++)
        {
            var module = modules[i];
            Sessions[i] = module.CreateFrameSession();
            Protocols[i] = module.Protocol;
            // First registration wins, as in the stream registry's probe order.
            foreach (var type in module.EtherTypes)
                if (!etherTypes.Exists(e => e.Type == type)) etherTypes.Add((type, i));
            foreach (var sap in module.LlcSaps)
                if (!saps.Exists(e => e.Sap == sap)) saps.Add((sap, i));
        }
        _etherTypes = [.. etherTypes.ConvertAll(e => e.Type)];
        _etherTypeSession = [.. etherTypes.ConvertAll(e => e.Session)];
        _saps = [.. saps.ConvertAll(e => e.Sap)];
        _sapSession = [.. saps.ConvertAll(e => e.Session)];
    }

    public IFrameSession[] Sessions { get; }
    public ProtocolId[] Protocols { get; }

    /// <summary>Index into <see cref="Sessions"/> of the module for <paramref name="etherType"/>, or -1.</summary>
    public int FindByEtherType(ushort etherType)
    {
        var types = _etherTypes;
        for (int i = 0; i < types.Length; i++)
            if (types[i] == etherType) return _etherTypeSession[i];
        return -1;
    }

    /// <summary>Index into <see cref="Sessions"/> of the module for LLC destination SAP <paramref name="sap"/>, or -1.</summary>
    public int FindBySap(byte sap)
    {
        var saps = _saps;
        for (int i = 0; i < saps.Length; i++)
            if (saps[i] == sap) return _sapSession[i];
        return -1;
    }
}
