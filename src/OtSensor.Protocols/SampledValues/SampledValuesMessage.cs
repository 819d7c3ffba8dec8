using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Ber;

namespace OtSensor.Protocols.SampledValues;

/// <summary>One savPdu: header, ASDU count and the first ASDU's identification and counters; strings as spans of the frame.</summary>
/// <remarks>
/// A <c>ref struct</c> valid only during <see cref="Registry.IProtocolEventSink.OnSampledValues"/>. Sampled Values are
/// multicast publishing (IEC 61850-9-2): no request, no response, no function code (<c>function</c> null).
/// </remarks>
public readonly ref struct SampledValuesMessage : IProtocolMessage
{
    private readonly SampledValuesDecoded _d;

    internal SampledValuesMessage(SampledValuesDecoded decoded) => _d = decoded;

    public ProtocolId Protocol => ProtocolId.SampledValues;

    public int Function => -1;

    public string? FunctionName => null;

    /// <summary>Streaming measurements: none of the request kinds applies.</summary>
    public OtOperation Operation => OtOperation.None;

    public bool IsResponse => false;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public SampledValuesAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => SampledValuesNames.Anomaly(bit);

    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
    }

    public ushort AppId => _d.AppId;
    public ushort LengthField => _d.LengthField;
    public ushort Reserved1 => _d.Reserved1;
    public ushort Reserved2 => _d.Reserved2;
    public bool Simulation => (_d.Reserved1 & SampledValuesConstants.SimulationBit) != 0;
    public SampledValuesFieldPresence Present => _d.Present;

    /// <summary>noASDU as declared; null when absent.</summary>
    public uint? NoAsdu => _d.Has(SampledValuesFieldPresence.NoAsdu) ? _d.NoAsdu : null;

    /// <summary>ASDUs counted in seqASDU.</summary>
    public int Asdus => _d.Asdus;

    public ReadOnlySpan<byte> SvId => _d.SvId;
    public ReadOnlySpan<byte> DatSet => _d.DatSet;
    public ushort? SmpCnt => _d.Has(SampledValuesFieldPresence.SmpCnt) ? _d.SmpCnt : null;
    public uint? ConfRev => _d.Has(SampledValuesFieldPresence.ConfRev) ? _d.ConfRev : null;
    public byte? SmpSynch => _d.Has(SampledValuesFieldPresence.SmpSynch) ? _d.SmpSynch : null;
    public ushort? SmpRate => _d.Has(SampledValuesFieldPresence.SmpRate) ? _d.SmpRate : null;

    /// <summary>The first ASDU's sample octets (layout given by the data set, e.g. 9-2LE: 8 × (INT32 value, quality)).</summary>
    public ReadOnlySpan<byte> Sample => _d.Sample;

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(SampledValuesFields.AppId, _d.AppId);
        writer.WriteNumber(SampledValuesFields.Length, _d.LengthField);
        writer.WriteBoolean(SampledValuesFields.Simulation, Simulation);
        BerJson.WriteNumberOrNull(writer, SampledValuesFields.NoAsdu, _d.Has(SampledValuesFieldPresence.NoAsdu), _d.NoAsdu);
        writer.WriteNumber(SampledValuesFields.Asdus, _d.Asdus);
        BerJson.WriteTextOrNull(writer, SampledValuesFields.SvId, _d.Has(SampledValuesFieldPresence.SvId), _d.SvId);
        if (_d.Has(SampledValuesFieldPresence.DatSet)) BerJson.WriteText(writer, SampledValuesFields.DatSet, _d.DatSet);
        BerJson.WriteNumberOrNull(writer, SampledValuesFields.SmpCnt, _d.Has(SampledValuesFieldPresence.SmpCnt), _d.SmpCnt);
        BerJson.WriteNumberOrNull(writer, SampledValuesFields.ConfRev, _d.Has(SampledValuesFieldPresence.ConfRev), _d.ConfRev);
        if (_d.Has(SampledValuesFieldPresence.RefrTm)) BerJson.WriteUtcTime(writer, SampledValuesFields.RefrTm, _d.RefrTmSeconds, _d.RefrTmFraction);
        BerJson.WriteNumberOrNull(writer, SampledValuesFields.SmpSynch, _d.Has(SampledValuesFieldPresence.SmpSynch), _d.SmpSynch);
        if (_d.Has(SampledValuesFieldPresence.SmpRate)) writer.WriteNumber(SampledValuesFields.SmpRate, _d.SmpRate);
        if (_d.Has(SampledValuesFieldPresence.Sample)) writer.WriteNumber(SampledValuesFields.SampleLength, _d.Sample.Length);
    }
}
