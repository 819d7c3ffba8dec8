using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Mms;

/// <summary>
/// One MMS PDU (ISO 9506-2) found in a COTP TSDU: PDU type, invokeID, confirmed service, object name of
/// read/write/getVariableAccessAttributes/getNameList, data access errors, identify response, initiate parameters.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> borrowing the TSDU; valid only during <see cref="Registry.IProtocolEventSink.OnMms"/>.
/// Event-log contract: <see cref="Function"/> is the confirmed service choice of a confirmed request or response
/// and -1 for every other PDU type; <c>pduType</c> (MMSpdu alternative number) goes to the details.
/// </remarks>
public readonly ref struct MmsMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _tsdu;
    private readonly MmsDecoded _d;

    internal MmsMessage(ReadOnlySpan<byte> tsdu, scoped in MmsDecoded decoded)
    {
        _tsdu = tsdu;
        _d = decoded;
    }

    public ProtocolId Protocol => ProtocolId.Mms;

    public int Function => _d.PduType is 0 or 1 ? _d.Service : -1;

    public string? FunctionName => MmsNames.Service(Function);

    public OtOperation Operation => MmsOperations.Of(_d.PduType, _d.Service, _d.UnconfirmedService);

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public MmsAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => MmsNames.Anomaly(bit);

    public MmsPduType PduType => (MmsPduType)_d.PduType;

    /// <summary>False when the TSDU held no MMS PDU (session/presentation/ACSE only, or malformed before MMS).</summary>
    public bool IsMms => _d.Found;

    /// <summary>ISO session SPDU identifier that carried the PDU (0 for MMS straight on COTP).</summary>
    public byte Spdu => _d.Spdu;

    /// <summary>invokeID of confirmed/cancel/error PDUs, -1 when absent.</summary>
    public long InvokeId => _d.InvokeId;

    /// <summary>Unconfirmed service (0 informationReport, 1 unsolicitedStatus, 2 eventNotification), -1 otherwise.</summary>
    public int UnconfirmedService => _d.UnconfirmedService;

    public ReadOnlySpan<byte> DomainId => _tsdu.Slice(_d.DomainOffset, _d.DomainLength);
    public ReadOnlySpan<byte> ItemId => _tsdu.Slice(_d.ItemOffset, _d.ItemLength);

    /// <summary>First file name of a fileOpen/fileDelete/fileDirectory/fileRename/obtainFile request.</summary>
    public ReadOnlySpan<byte> FileName => _tsdu.Slice(_d.FileNameOffset, _d.FileNameLength);
    public int VariableCount => _d.VariableCount;
    public int AccessResultCount => _d.AccessResults;
    public int AccessFailureCount => _d.AccessFailures;

    /// <summary>First DataAccessError code of a read/write response or report, -1 when none.</summary>
    public int FirstDataAccessError => _d.FirstDataAccessError;

    /// <summary>ServiceError errorClass alternative (confirmed-Error) or rejectReason alternative (reject), -1 otherwise.</summary>
    public int ErrorClass => _d.ErrorClass;
    public int ErrorCode => _d.ErrorCode;

    public ReadOnlySpan<byte> VendorName => _tsdu.Slice(_d.VendorOffset, _d.VendorLength);
    public ReadOnlySpan<byte> ModelName => _tsdu.Slice(_d.ModelOffset, _d.ModelLength);
    public ReadOnlySpan<byte> Revision => _tsdu.Slice(_d.RevisionOffset, _d.RevisionLength);

    public long MaxServOutstandingCalling => _d.MaxCalling;
    public long MaxServOutstandingCalled => _d.MaxCalled;
    public long LocalDetail => _d.LocalDetail;
    public long Version => _d.Version;

    /// <summary>True for an identify response naming at least the vendor.</summary>
    public bool HasIdentity => _d.PduType == 1 && _d.Service == MmsConstants.ServiceIdentify && (_d.VendorLength | _d.ModelLength | _d.RevisionLength) != 0;

    /// <summary>Identify-Response (ISO 9506-2 §10.2): vendorName, modelName, revision as VisibleStrings.</summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        if (IsPrintable(VendorName)) receiver.OnIdentity(IdentityField.Vendor, VendorName, "mms identify response vendorName");
        if (IsPrintable(ModelName)) receiver.OnIdentity(IdentityField.Model, ModelName, "mms identify response modelName");
        if (IsPrintable(Revision)) receiver.OnIdentity(IdentityField.Firmware, Revision, "mms identify response revision");
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_d.PduType < 0)
        {
            writer.WriteNull(MmsFields.PduType);
        }
        else
        {
            writer.WriteNumber(MmsFields.PduType, _d.PduType);
            writer.WriteString(MmsFields.PduTypeName, MmsNames.PduType(_d.PduType));
        }
        if (_d.Spdu != 0) writer.WriteNumber(MmsFields.Session, _d.Spdu);
        if (_d.InvokeId >= 0) writer.WriteNumber(MmsFields.InvokeId, _d.InvokeId);
        if (_d.UnconfirmedService >= 0)
        {
            var name = MmsNames.UnconfirmedService(_d.UnconfirmedService);
            if (name is null) writer.WriteNumber(MmsFields.UnconfirmedService, _d.UnconfirmedService);
            else writer.WriteString(MmsFields.UnconfirmedService, name);
        }
        if (_d.DomainLength > 0) WriteAscii(writer, MmsFields.Domain, DomainId);
        if (_d.ItemLength > 0) WriteAscii(writer, MmsFields.Item, ItemId);
        if (_d.FileNameLength > 0) WriteAscii(writer, MmsFields.FileName, FileName);
        if (_d.VariableCount > 0) writer.WriteNumber(MmsFields.VariableCount, _d.VariableCount);
        if (_d.AccessResults > 0)
        {
            writer.WriteNumber(MmsFields.AccessResults, _d.AccessResults);
            writer.WriteNumber(MmsFields.AccessFailures, _d.AccessFailures);
        }
        if (_d.FirstDataAccessError >= 0)
        {
            writer.WriteNumber(MmsFields.FirstDataAccessError, _d.FirstDataAccessError);
            var name = MmsNames.DataAccessError(_d.FirstDataAccessError);
            if (name is not null) writer.WriteString(MmsFields.FirstDataAccessErrorName, name);
        }
        if (_d.ErrorClass >= 0) writer.WriteNumber(MmsFields.ErrorClass, _d.ErrorClass);
        if (_d.ErrorCode >= 0) writer.WriteNumber(MmsFields.ErrorCode, _d.ErrorCode);
        if (_d.VendorLength > 0) WriteAscii(writer, MmsFields.Vendor, VendorName);
        if (_d.ModelLength > 0) WriteAscii(writer, MmsFields.Model, ModelName);
        if (_d.RevisionLength > 0) WriteAscii(writer, MmsFields.Revision, Revision);
        if (_d.LocalDetail >= 0) writer.WriteNumber(MmsFields.LocalDetail, _d.LocalDetail);
        if (_d.MaxCalling >= 0) writer.WriteNumber(MmsFields.MaxOutstandingCalling, _d.MaxCalling);
        if (_d.MaxCalled >= 0) writer.WriteNumber(MmsFields.MaxOutstandingCalled, _d.MaxCalled);
        if (_d.Version >= 0) writer.WriteNumber(MmsFields.Version, _d.Version);
    }

    private static bool IsPrintable(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return false;
        foreach (byte b in value)
        {
            if (b is < 0x20 or > 0x7E) return false;
        }
        return true;
    }

    /// <summary>Identifiers are VisibleString on the wire; anything else is written as null rather than guessed at.</summary>
    private static void WriteAscii(Utf8JsonWriter writer, string key, ReadOnlySpan<byte> value)
    {
        if (IsPrintable(value)) writer.WriteString(key, value);
        else writer.WriteNull(key);
    }
}
