using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// The protocol modules the engine offers new flows to. Recognition is by content: every module's probe
/// sees the first bytes; a module whose default port matches is asked first, so ties go to the port.
/// Layer-2 protocols register as <see cref="IFrameModule"/>s and are found by EtherType or LLC SAP.
/// </summary>
public sealed class ProtocolRegistry(IReadOnlyList<IProtocolModule> modules, IReadOnlyList<IFrameModule>? frameModules = null)
{
    // An array, walked with an index: a foreach over the interface would box its enumerator on every probe.
    private readonly IProtocolModule[] _modules = [.. modules];
    private readonly IFrameModule[] _frameModules = frameModules is null ? [] : [.. frameModules];
    // Ports any module names: most new flows are on ports none does, and skip the per-module port walk.
    private readonly bool[] _knownPort = KnownPorts(modules);

    public IReadOnlyList<IProtocolModule> Modules => _modules;

    /// <summary>The layer-2 modules, in registration order.</summary>
    public IReadOnlyList<IFrameModule> FrameModules => _frameModules;

    /// <summary>
    /// Finds the module that recognises <paramref name="data"/>. Returns <see cref="ProbeResult.Incomplete"/>
    /// when some module needs more bytes to decide and none recognised it yet.
    /// </summary>
    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction, ushort clientPort, ushort serverPort, bool stream, out IProtocolModule? module)
    {
        module = null;
        bool incomplete = false;
        // Port-matching modules first, then the rest: a port is a hint, never the verdict.
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < _modules.Length; i++)
            {
                var candidate = _modules[i];
                if (candidate.IsStream != stream) continue;
                bool onItsPort = (_knownPort[serverPort] && UsesPort(candidate, serverPort)) || (_knownPort[clientPort] && UsesPort(candidate, clientPort));
                if (onItsPort != (pass == 0)) continue;
                switch (candidate.Probe(data, direction))
                {
                    case ProbeResult.Recognized:
                        module = candidate;
                        return ProbeResult.Recognized;
                    case ProbeResult.Incomplete:
                        incomplete = true;
                        break;
                }
            }
        }
        return incomplete ? ProbeResult.Incomplete : ProbeResult.Unrecognized;
    }

    private static bool[] KnownPorts(IReadOnlyList<IProtocolModule> modules)
    {
        var known = new bool[ushort.MaxValue + 1];
        foreach (var module in modules)
            foreach (var port in module.DefaultPorts) known[port] = true;
        return known;
    }

    /// <summary>Whether <paramref name="port"/> is one of the module's well-known ports.</summary>
    public static bool UsesPort(IProtocolModule module, ushort port)
    {
        foreach (var p in module.DefaultPorts)
            if (p == port) return true;
        return false;
    }
}
