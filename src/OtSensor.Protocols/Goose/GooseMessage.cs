using OtSensor.Protocols.Ber;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Goose;

/// <summary>
/// One GOOSE APDU: header, IECGoosePdu fields (strings as spans of the frame), anomalies, and the publisher's
/// sequence verdict (<see cref="StateChange"/>, sequence anomaly bits) from <see cref="GooseSession"/>.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> valid only during <see cref="Registry.IProtocolEventSink.OnGoose"/>; strings are made only by
/// <see cref="WriteDetails"/>, from the wire octets. GOOSE is multicast publishing (IEC 61850-7-2, GOOSE model): no request,
/// no response, no function code (docs/event-log-contract.md: <c>function</c> null).
/// </remarks>
public readonly ref struct GooseMessage : IProtocolMessage
{
    private const string IdentitySource = "goose gocbRef logical device (IEC 61850-7-2 ObjectReference <LDName>/LLN0$GO$<cb>)";

    private readonly GooseDecoded _d;

    internal GooseMessage(GooseDecoded decoded) => _d = decoded;

    /// <summary>The same message with the session's verdict on the publisher's stNum/sqNum.</summary>
    internal GooseMessage WithSequence(GooseAnomalies anomalies, bool stateChange)
    {
        var d = _d;
        d.Anomalies |= anomalies;
        d.StateChange = stateChange;
        return new GooseMessage(d);
    }

    public ProtocolId Protocol => ProtocolId.Goose;

    public int Function => -1;

    public string? FunctionName => null;

    /// <summary>Publishing data set values: none of the request kinds (read, write, control...) applies.</summary>
    public OtOperation Operation => OtOperation.None;

    public bool IsResponse => false;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public GooseAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => GooseNames.Anomaly(bit);

    public ushort AppId => _d.AppId;
    public ushort LengthField => _d.LengthField;
    public ushort Reserved1 => _d.Reserved1;
    public ushort Reserved2 => _d.Reserved2;

    /// <summary>Reserved 1 bit 15 (IEC 61850-8-1 Ed.2): the frame is simulated, for test set injection.</summary>
    public bool Simulation => (_d.Reserved1 & GooseConstants.SimulationBit) != 0;

    /// <summary>Fields the frame carried with a valid encoding.</summary>
    public GooseFieldPresence Present => _d.Present;

    /// <summary>GoCBReference, e.g. <c>AA1C1Q01A1LD0/LLN0$GO$gcb_A</c>; empty when absent.</summary>
    public ReadOnlySpan<byte> GocbRef => _d.GocbRef;
    public ReadOnlySpan<byte> DatSet => _d.DatSet;
    public ReadOnlySpan<byte> GoId => _d.GoId;

    /// <summary>The allData content (its Data elements, undecoded).</summary>
    public ReadOnlySpan<byte> AllData => _d.AllData;
    public ReadOnlySpan<byte> Security => _d.Security;

    /// <summary>Milliseconds the subscriber waits for the next frame before it assumes the association lost.</summary>
    public uint? TimeAllowedToLive => Get(GooseFieldPresence.TimeAllowedToLive, _d.TimeAllowedToLive);
    public uint? StNum => Get(GooseFieldPresence.StNum, _d.StNum);
    public uint? SqNum => Get(GooseFieldPresence.SqNum, _d.SqNum);
    public uint? ConfRev => Get(GooseFieldPresence.ConfRev, _d.ConfRev);
    public uint? NumDatSetEntries => Get(GooseFieldPresence.NumDatSetEntries, _d.NumDatSetEntries);

    /// <summary>Data elements counted in allData.</summary>
    public int Entries => _d.Entries;

    /// <summary>The [7] BOOLEAN: "test" in Ed.1, "simulation" in Ed.2 of IEC 61850-8-1 (DEFAULT FALSE).</summary>
    public bool Test => _d.Test;
    public bool NdsCom => _d.NdsCom;

    /// <summary>t: seconds since 1970-01-01 UTC, 2^-24 s fraction and time quality; null when absent.</summary>
    public uint? TimeSeconds => Get(GooseFieldPresence.Time, _d.TimeSeconds);
    public uint TimeFraction => _d.TimeFraction;
    public byte TimeQuality => _d.TimeQuality;

    /// <summary>True when this publisher's stNum differs from its previous frame (a data set value changed).</summary>
    public bool StateChange => _d.StateChange;

    /// <summary>The logical device name before '/' in gocbRef (IED name + LDInst, which cannot be split reliably).</summary>
    public ReadOnlySpan<byte> LogicalDeviceName
    {
        get
        {
            int slash = _d.GocbRef.IndexOf((byte)'/');
            return slash > 0 ? _d.GocbRef[..slash] : default;
        }
    }

    /// <summary>A gocbRef names the publisher's logical device, which carries the IED name (IEC 61850-6: LDName = IEDName + LDInst).</summary>
    public bool HasIdentity => (_d.Anomalies & GooseAnomalies.InvalidString) == 0 && !LogicalDeviceName.IsEmpty;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (HasIdentity) receiver.OnIdentity(IdentityField.Name, LogicalDeviceName, IdentitySource);
    }

    private uint? Get(GooseFieldPresence field, uint value) => _d.Has(field) ? value : null;

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(GooseFields.AppId, _d.AppId);
        writer.WriteNumber(GooseFields.Length, _d.LengthField);
        writer.WriteBoolean(GooseFields.Simulation, Simulation);
        writer.WriteNumber(GooseFields.Reserved1, _d.Reserved1);
        writer.WriteNumber(GooseFields.Reserved2, _d.Reserved2);
        BerJson.WriteTextOrNull(writer, GooseFields.GocbRef, _d.Has(GooseFieldPresence.GocbRef), _d.GocbRef);
        BerJson.WriteNumberOrNull(writer, GooseFields.TimeAllowedToLive, _d.Has(GooseFieldPresence.TimeAllowedToLive), _d.TimeAllowedToLive);
        BerJson.WriteTextOrNull(writer, GooseFields.DatSet, _d.Has(GooseFieldPresence.DatSet), _d.DatSet);
        BerJson.WriteTextOrNull(writer, GooseFields.GoId, _d.Has(GooseFieldPresence.GoId), _d.GoId);
        if (_d.Has(GooseFieldPresence.Time))
        {
            BerJson.WriteUtcTime(writer, GooseFields.Time, _d.TimeSeconds, _d.TimeFraction);
            writer.WriteNumber(GooseFields.TimeQuality, _d.TimeQuality);
        }
        else
        {
            writer.WriteNull(GooseFields.Time);
            writer.WriteNull(GooseFields.TimeQuality);
        }
        BerJson.WriteNumberOrNull(writer, GooseFields.StNum, _d.Has(GooseFieldPresence.StNum), _d.StNum);
        BerJson.WriteNumberOrNull(writer, GooseFields.SqNum, _d.Has(GooseFieldPresence.SqNum), _d.SqNum);
        writer.WriteBoolean(GooseFields.Test, _d.Test);
        BerJson.WriteNumberOrNull(writer, GooseFields.ConfRev, _d.Has(GooseFieldPresence.ConfRev), _d.ConfRev);
        writer.WriteBoolean(GooseFields.NdsCom, _d.NdsCom);
        BerJson.WriteNumberOrNull(writer, GooseFields.NumDatSetEntries, _d.Has(GooseFieldPresence.NumDatSetEntries), _d.NumDatSetEntries);
        if (_d.Has(GooseFieldPresence.AllData)) writer.WriteNumber(GooseFields.Entries, _d.Entries);
        else writer.WriteNull(GooseFields.Entries);
        if (_d.Has(GooseFieldPresence.Security)) writer.WriteNumber(GooseFields.Security, _d.Security.Length);
        writer.WriteBoolean(GooseFields.StateChange, _d.StateChange);
    }
}
