using OtSensor.Protocols.Ber;

namespace OtSensor.Protocols.Mms;

/// <summary>
/// Finds the MMS PDU inside one COTP TSDU (ISO session → presentation → ACSE, or bare MMS) and decodes it in place.
/// </summary>
/// <remarks>
/// <code>
///  TSDU = SPDU(s) | bare MMSpdu
///   01 00 | 01 LI params | user-info ............ GIVE-TOKENS + DATA TRANSFER (ISO 8327-1 §8.3.3/§8.3.7)
///   0D/0E/09/0A/19 LI { PI/PGI code len value } .. CONNECT/ACCEPT/FINISH/DISCONNECT/ABORT; user data in PGI C1/C2
///  user-info (ISO 8823 §8.2):
///   31 { a0 mode, a2 normal-mode { ..., 61 user-data } } CP-type / CPA-type
///   61 { 30 PDV { [06 transfer-syntax] 02 context-id  a0 single-ASN1-type | 81 octet-aligned } } fully-encoded-data
///  single-ASN1-type = ACSE (ISO 8650 §10: 60 AARQ / 61 AARE ... be user-information { 28 EXTERNAL { .. a0 MMS } })
///                   | MMSpdu (context class [0]..[13], ISO 9506-2 §7.1)
/// </code>
/// Presentation context identifiers are not tracked: ACSE APDUs are APPLICATION class and MMS PDUs are
/// context class, so the class of the value tells them apart without connection state.
/// </remarks>
public static class MmsParser
{
    /// <summary>True when <paramref name="tsdu"/> starts like an ISO session SPDU or is one whole bare MMS PDU.</summary>
    public static bool LooksLikeMms(ReadOnlySpan<byte> tsdu)
    {
        if (tsdu.Length < 2) return false;
        switch (tsdu[0])
        {
            case MmsConstants.SpduData:
                return tsdu.Length >= 4 && tsdu[1] == 0x00 && tsdu[2] == MmsConstants.SpduData;
            case MmsConstants.SpduConnect or MmsConstants.SpduAccept or MmsConstants.SpduFinish or MmsConstants.SpduDisconnect
                or MmsConstants.SpduAbort or MmsConstants.SpduRefuse or MmsConstants.SpduAbortAccept:
                return SpduLengthFits(tsdu);
        }
        var reader = new BerReader(tsdu);
        return reader.TryRead(out var e) && reader.IsEmpty && e.TagClass == BerElement.ClassContext && e.Number <= MmsConstants.MaxPduType;
    }

    private static bool SpduLengthFits(ReadOnlySpan<byte> tsdu)
    {
        if (tsdu[1] != 0xFF) return tsdu[1] <= tsdu.Length - 2 + 1; // tolerate one byte short (seen on the wire, flagged later)
        return tsdu.Length >= 4 && ((tsdu[2] << 8) | tsdu[3]) <= tsdu.Length - 4 + 1;
    }

    /// <summary>Decodes one TSDU; <see cref="MmsMessage.IsMms"/> is false when it carries no MMS PDU. Never throws.</summary>
    public static MmsMessage Parse(ReadOnlySpan<byte> tsdu, bool fromServer)
    {
        var d = Locate(tsdu, fromServer);
        return new MmsMessage(tsdu, in d);
    }

    private static MmsDecoded Locate(ReadOnlySpan<byte> tsdu, bool fromServer)
    {
        var d = MmsDecoded.Empty;
        d.IsResponse = fromServer;
        if (tsdu.IsEmpty) return d;
        ReadOnlySpan<byte> userInfo;
        byte si = tsdu[0];
        if (si == MmsConstants.SpduData && tsdu.Length >= 2 && tsdu[1] == 0x00)
        {
            d.Spdu = si;
            if (tsdu.Length < 3 || tsdu[2] != MmsConstants.SpduData || !TrySpdu(tsdu[2..], out _, out userInfo) || userInfo.IsEmpty)
            {
                d.Anomalies |= MmsAnomalies.MalformedSession;
                return d;
            }
        }
        else if (si is MmsConstants.SpduConnect or MmsConstants.SpduAccept or MmsConstants.SpduFinish or MmsConstants.SpduDisconnect
            or MmsConstants.SpduAbort or MmsConstants.SpduRefuse or MmsConstants.SpduAbortAccept)
        {
            d.Spdu = si;
            if (!TrySpdu(tsdu, out var parameters, out _)) d.Anomalies |= MmsAnomalies.MalformedSession;
            userInfo = UserDataParameter(parameters, ref d);
            if (userInfo.IsEmpty) return d;
        }
        else
        {
            Decode(tsdu, tsdu, ref d);
            return d;
        }
        Presentation(tsdu, userInfo, ref d);
        return d;
    }

    /// <summary>SI, LI (one octet, or FF + two octets), parameters; the rest is user information.</summary>
    private static bool TrySpdu(ReadOnlySpan<byte> spdu, out ReadOnlySpan<byte> parameters, out ReadOnlySpan<byte> rest)
    {
        parameters = default;
        rest = default;
        if (spdu.Length < 2) return false;
        int header = 2;
        int length = spdu[1];
        if (length == 0xFF)
        {
            if (spdu.Length < 4) return false;
            length = (spdu[2] << 8) | spdu[3];
            header = 4;
        }
        if ((uint)length > (uint)(spdu.Length - header))
        {
            parameters = spdu[header..]; // keep what is there: a short SPDU may still hold whole parameters
            return false;
        }
        parameters = spdu.Slice(header, length);
        rest = spdu[(header + length)..];
        return true;
    }

    /// <summary>Walks PI/PGI units (code, LI, value) for the User Data or Extended User Data PGI.</summary>
    private static ReadOnlySpan<byte> UserDataParameter(ReadOnlySpan<byte> parameters, scoped ref MmsDecoded d)
    {
        while (!parameters.IsEmpty)
        {
            if (parameters.Length < 2) break;
            byte code = parameters[0];
            int header = 2;
            int length = parameters[1];
            if (length == 0xFF)
            {
                if (parameters.Length < 4) break;
                length = (parameters[2] << 8) | parameters[3];
                header = 4;
            }
            if ((uint)length > (uint)(parameters.Length - header)) break;
            var value = parameters.Slice(header, length);
            if (code is MmsConstants.PgiUserData or MmsConstants.PgiExtendedUserData) return value;
            parameters = parameters[(header + length)..];
        }
        if (!parameters.IsEmpty) d.Anomalies |= MmsAnomalies.MalformedSession;
        return default;
    }

    private static void Presentation(ReadOnlySpan<byte> tsdu, ReadOnlySpan<byte> userInfo, ref MmsDecoded d)
    {
        var reader = new BerReader(userInfo);
        if (!reader.TryRead(out var ppdu))
        {
            d.Anomalies |= MmsAnomalies.MalformedPresentation;
            return;
        }
        scoped ReadOnlySpan<byte> fullyEncoded;
        if (ppdu.IsUniversal(17) && ppdu.Constructed)
        {
            // CP-type / CPA-type: SET { [0] mode-selector, [2] normal-mode-parameters { ..., user-data } }
            if (!Find(in reader, ppdu.Content, BerElement.ClassContext, 2, out var normal)
                || !Find(in reader, normal.Content, BerElement.ClassApplication, 1, out var data))
            {
                return; // no user data: nothing MMS in this CP/CPA
            }
            fullyEncoded = data.Content;
        }
        else if (ppdu.TagClass == BerElement.ClassApplication && ppdu.Number == 1 && ppdu.Constructed)
        {
            fullyEncoded = ppdu.Content;
        }
        else
        {
            return; // simply-encoded-data, CPR, ARU...: no MMS
        }
        if (!reader.TryEnter(fullyEncoded, out var pdvs)) return;
        while (pdvs.TryRead(out var pdv))
        {
            if (!pdv.IsUniversal(16) || !pdvs.TryEnter(pdv.Content, out var fields))
            {
                d.Anomalies |= MmsAnomalies.MalformedPresentation;
                return;
            }
            while (fields.TryRead(out var field))
            {
                if (field.TagClass != BerElement.ClassContext || field.Number > 1) continue; // transfer syntax, context id
                if (Value(tsdu, ref fields, field.Content, ref d)) return;
            }
            if (fields.Failed) Flag(ref d, in fields, MmsAnomalies.MalformedPresentation);
        }
        if (pdvs.Failed) Flag(ref d, in pdvs, MmsAnomalies.MalformedPresentation);
    }

    /// <summary>A presentation data value: an ACSE APDU (dig into user-information) or an MMS PDU. True when MMS was found.</summary>
    private static bool Value(ReadOnlySpan<byte> tsdu, ref BerReader parent, ReadOnlySpan<byte> value, ref MmsDecoded d)
    {
        if (value.IsEmpty) return false;
        if ((value[0] & 0xC0) == 0x80)
        {
            Decode(tsdu, value, ref d);
            return true;
        }
        if ((value[0] & 0xC0) != 0x40) return false;
        var reader = new BerReader(value);
        if (!reader.TryRead(out var apdu) || !parent.TryEnter(apdu.Content, out var acse))
        {
            d.Anomalies |= MmsAnomalies.MalformedAcse;
            return false;
        }
        // AARQ [APPLICATION 0] / AARE [APPLICATION 1]: user-information [30] IMPLICIT SEQUENCE OF EXTERNAL
        if (apdu.Number > 1 || !Find(in acse, apdu.Content, BerElement.ClassContext, 30, out var userInformation)) return false;
        if (!Find(in acse, userInformation.Content, BerElement.ClassUniversal, 8, out var external))
        {
            d.Anomalies |= MmsAnomalies.MalformedAcse;
            return false;
        }
        if (!acse.TryEnter(external.Content, out var encoding)) return false;
        while (encoding.TryRead(out var e))
        {
            if (e.TagClass == BerElement.ClassContext && e.Number <= 1)
            {
                if (!e.Content.IsEmpty)
                {
                    Decode(tsdu, e.Content, ref d);
                    return true;
                }
            }
        }
        d.Anomalies |= MmsAnomalies.MalformedAcse;
        return false;
    }

    /// <summary>The first element of <paramref name="content"/> with the given class and number.</summary>
    private static bool Find(in BerReader parent, ReadOnlySpan<byte> content, int tagClass, int number, out BerElement found)
    {
        found = default;
        if (!parent.TryEnter(content, out var reader)) return false;
        while (reader.TryRead(out var e))
        {
            if (e.TagClass == tagClass && e.Number == number)
            {
                found = e;
                return true;
            }
        }
        return false;
    }

    private static void Flag(ref MmsDecoded d, in BerReader reader, MmsAnomalies layer)
    {
        d.Anomalies |= layer | MmsAnomalies.MalformedBer;
        if (reader.SawIndefiniteLength) d.Anomalies |= MmsAnomalies.IndefiniteLength;
    }

    /// <summary>Decodes the MMSpdu TLV at the start of <paramref name="mms"/>.</summary>
    internal static void Decode(ReadOnlySpan<byte> tsdu, ReadOnlySpan<byte> mms, ref MmsDecoded d)
    {
        d.Found = true;
        var reader = new BerReader(mms);
        if (!reader.TryRead(out var pdu))
        {
            Flag(ref d, in reader, MmsAnomalies.None);
            return;
        }
        if (!reader.IsEmpty) d.Anomalies |= MmsAnomalies.TrailingBytes;
        if (pdu.TagClass != BerElement.ClassContext || pdu.Number > MmsConstants.MaxPduType)
        {
            d.Anomalies |= MmsAnomalies.UnknownPduType;
            return;
        }
        d.PduType = pdu.Number;
        if (pdu.Number != (int)MmsPduType.Unconfirmed && pdu.Number != (int)MmsPduType.Reject)
            d.IsResponse = pdu.Number is 1 or 2 or 6 or 7 or 9 or 10 or 12 or 13;
        if (!pdu.Constructed)
        {
            // cancel-Request/Response carry the invokeID as a primitive Unsigned32; conclude PDUs are NULL
            if (pdu.Number is 5 or 6 && BerReader.TryReadUnsigned(pdu.Content, out uint id)) d.InvokeId = id;
            return;
        }
        if (!reader.TryEnter(pdu.Content, out var body)) return;
        switch ((MmsPduType)pdu.Number)
        {
            case MmsPduType.ConfirmedRequest:
            case MmsPduType.ConfirmedResponse:
                Confirmed(tsdu, ref body, pdu.Number == 0, ref d);
                break;
            case MmsPduType.ConfirmedError:
                ConfirmedError(ref body, ref d);
                break;
            case MmsPduType.Unconfirmed:
                Unconfirmed(tsdu, ref body, ref d);
                break;
            case MmsPduType.Reject:
                Reject(ref body, ref d);
                break;
            case MmsPduType.InitiateRequest:
            case MmsPduType.InitiateResponse:
                Initiate(ref body, ref d);
                break;
            default:
                break;
        }
        if (body.Failed) Flag(ref d, in body, MmsAnomalies.None);
    }

    private static void Confirmed(ReadOnlySpan<byte> tsdu, ref BerReader body, bool request, ref MmsDecoded d)
    {
        if (!body.TryRead(out var e) || !e.IsUniversal(2) || !BerReader.TryReadUnsigned(e.Content, out uint invokeId))
        {
            d.Anomalies |= MmsAnomalies.MissingInvokeId;
            return;
        }
        d.InvokeId = invokeId;
        if (!body.TryRead(out var service))
        {
            d.Anomalies |= MmsAnomalies.MissingService;
            return;
        }
        if (request && service.IsUniversal(16) && !body.TryRead(out service)) // listOfModifier
        {
            d.Anomalies |= MmsAnomalies.MissingService;
            return;
        }
        if (service.TagClass != BerElement.ClassContext)
        {
            d.Anomalies |= MmsAnomalies.MissingService;
            return;
        }
        d.Service = service.Number;
        if (!MmsNames.IsKnownService(service.Number))
        {
            d.Anomalies |= MmsAnomalies.UnknownService;
            return;
        }
        if (!service.Constructed || !body.TryEnter(service.Content, out var s)) return;
        if (request) ServiceRequest(tsdu, ref s, service.Number, ref d);
        else ServiceResponse(tsdu, ref s, service.Number, ref d);
        if (s.Failed) Flag(ref d, in s, MmsAnomalies.None);
    }

    private static void ServiceRequest(ReadOnlySpan<byte> tsdu, ref BerReader s, int service, ref MmsDecoded d)
    {
        switch (service)
        {
            case MmsConstants.ServiceRead:
                // Read-Request ::= SEQUENCE { specificationWithResult [0] DEFAULT FALSE, variableAccessSpecification [1] }
                while (s.TryRead(out var e))
                {
                    if (e.IsContext(1) && s.TryEnter(e.Content, out var spec) && spec.TryRead(out var choice))
                        VariableAccessSpecification(tsdu, ref spec, in choice, ref d);
                }
                break;
            case MmsConstants.ServiceWrite:
                // Write-Request ::= SEQUENCE { variableAccessSpecification (untagged CHOICE), listOfData [0] }
                if (s.TryRead(out var first)) VariableAccessSpecification(tsdu, ref s, in first, ref d);
                break;
            case MmsConstants.ServiceGetVariableAccessAttributes:
                // CHOICE { name [0] ObjectName, address [1] Address }
                if (s.TryRead(out var target) && target.IsContext(0) && s.TryEnter(target.Content, out var nameReader)
                    && nameReader.TryRead(out var name))
                {
                    ObjectName(tsdu, ref nameReader, in name, ref d);
                }
                break;
            case MmsConstants.ServiceGetNamedVariableListAttributes:
                if (s.TryRead(out var listName)) ObjectName(tsdu, ref s, in listName, ref d);
                break;
            case MmsConstants.ServiceFileDelete:
                // FileDelete-Request ::= FileName (SEQUENCE OF GraphicString)
                if (s.TryRead(out var deleted)) SetSpan(tsdu, deleted.Content, out d.FileNameOffset, out d.FileNameLength);
                break;
            case MmsConstants.ServiceFileOpen:
            case MmsConstants.ServiceFileDirectory:
            case MmsConstants.ServiceFileRename:
            case MmsConstants.ServiceObtainFile:
                // fileOpen { fileName [0], ... }, fileDirectory { fileSpecification [0] OPTIONAL, ... },
                // fileRename { currentFileName [0], newFileName [1] }, obtainFile { sourceFileServer [0] OPTIONAL, sourceFile [1], destinationFile [2] }
                int tag = service == MmsConstants.ServiceObtainFile ? 1 : 0;
                while (s.TryRead(out var e))
                {
                    if (e.IsContext(tag) && s.TryEnter(e.Content, out var names) && names.TryRead(out var fileName))
                    {
                        SetSpan(tsdu, fileName.Content, out d.FileNameOffset, out d.FileNameLength);
                        break;
                    }
                }
                break;
            case MmsConstants.ServiceGetNameList:
                // SEQUENCE { objectClass [0], objectScope [1] CHOICE { vmdSpecific [0], domainSpecific [1] Identifier, aaSpecific [2] } ... }
                while (s.TryRead(out var e))
                {
                    if (e.IsContext(1) && s.TryEnter(e.Content, out var scope) && scope.TryRead(out var choice) && choice.IsContext(1))
                        SetSpan(tsdu, choice.Content, out d.DomainOffset, out d.DomainLength);
                }
                break;
        }
    }

    private static void ServiceResponse(ReadOnlySpan<byte> tsdu, ref BerReader s, int service, ref MmsDecoded d)
    {
        switch (service)
        {
            case MmsConstants.ServiceRead:
                // Read-Response ::= SEQUENCE { variableAccessSpecification [0] OPTIONAL, listOfAccessResult [1] }
                while (s.TryRead(out var e))
                {
                    if (e.IsContext(1) && s.TryEnter(e.Content, out var results)) AccessResults(ref results, failureTag: 0, ref d);
                }
                break;
            case MmsConstants.ServiceWrite:
                // Write-Response ::= SEQUENCE OF CHOICE { failure [0] DataAccessError, success [1] NULL }
                AccessResults(ref s, failureTag: 0, ref d);
                break;
            case MmsConstants.ServiceIdentify:
                // Identify-Response ::= SEQUENCE { vendorName [0], modelName [1], revision [2], listOfAbstractSyntaxes [3] OPTIONAL }
                while (s.TryRead(out var e))
                {
                    if (e.TagClass != BerElement.ClassContext) continue;
                    if (e.Number == 0) SetSpan(tsdu, e.Content, out d.VendorOffset, out d.VendorLength);
                    else if (e.Number == 1) SetSpan(tsdu, e.Content, out d.ModelOffset, out d.ModelLength);
                    else if (e.Number == 2) SetSpan(tsdu, e.Content, out d.RevisionOffset, out d.RevisionLength);
                }
                break;
        }
    }

    private static void AccessResults(ref BerReader results, int failureTag, ref MmsDecoded d)
    {
        while (results.TryRead(out var r))
        {
            d.AccessResults++;
            if (!r.IsContext(failureTag) || r.Constructed) continue;
            d.AccessFailures++;
            if (d.FirstDataAccessError < 0 && BerReader.TryReadUnsigned(r.Content, out uint code) && code <= int.MaxValue)
                d.FirstDataAccessError = (int)code;
        }
        if (results.Failed) Flag(ref d, in results, MmsAnomalies.None);
    }

    /// <summary>VariableAccessSpecification ::= CHOICE { listOfVariable [0] SEQUENCE OF SEQUENCE { variableSpecification, ... }, variableListName [1] ObjectName }.</summary>
    private static void VariableAccessSpecification(ReadOnlySpan<byte> tsdu, ref BerReader parent, in BerElement choice, ref MmsDecoded d)
    {
        if (choice.IsContext(1))
        {
            if (parent.TryEnter(choice.Content, out var r) && r.TryRead(out var name)) ObjectName(tsdu, ref r, in name, ref d);
            d.VariableCount = 1;
            return;
        }
        if (!choice.IsContext(0) || !parent.TryEnter(choice.Content, out var list)) return;
        while (list.TryRead(out var entry))
        {
            d.VariableCount++;
            // first entry only: VariableSpecification ::= CHOICE { name [0] ObjectName, address [1], ... }
            if (d.VariableCount != 1 || !entry.IsUniversal(16) || !list.TryEnter(entry.Content, out var fields)) continue;
            if (fields.TryRead(out var spec) && spec.IsContext(0) && fields.TryEnter(spec.Content, out var nameReader)
                && nameReader.TryRead(out var name))
            {
                ObjectName(tsdu, ref nameReader, in name, ref d);
            }
        }
        if (list.Failed) Flag(ref d, in list, MmsAnomalies.None);
    }

    /// <summary>ObjectName ::= CHOICE { vmd-specific [0] Identifier, domain-specific [1] SEQUENCE { domainId, itemId }, aa-specific [2] Identifier }.</summary>
    private static void ObjectName(ReadOnlySpan<byte> tsdu, ref BerReader parent, in BerElement name, ref MmsDecoded d)
    {
        if (name.TagClass != BerElement.ClassContext) return;
        if (name.Number is 0 or 2 && !name.Constructed)
        {
            SetSpan(tsdu, name.Content, out d.ItemOffset, out d.ItemLength);
            return;
        }
        if (name.Number != 1 || !parent.TryEnter(name.Content, out var pair)) return;
        if (pair.TryRead(out var domain)) SetSpan(tsdu, domain.Content, out d.DomainOffset, out d.DomainLength);
        if (pair.TryRead(out var item)) SetSpan(tsdu, item.Content, out d.ItemOffset, out d.ItemLength);
    }

    /// <summary>Confirmed-ErrorPDU ::= SEQUENCE { invokeID [0], modifierPosition [1] OPTIONAL, serviceError [2] ServiceError }.</summary>
    private static void ConfirmedError(ref BerReader body, ref MmsDecoded d)
    {
        while (body.TryRead(out var e))
        {
            if (e.IsContext(0) && BerReader.TryReadUnsigned(e.Content, out uint id)) d.InvokeId = id;
            else if (e.IsContext(2)) ServiceError(ref body, e.Content, ref d);
        }
        if (d.InvokeId < 0) d.Anomalies |= MmsAnomalies.MissingInvokeId;
    }

    /// <summary>ServiceError ::= SEQUENCE { errorClass [0] CHOICE { vmd-state [0] INTEGER, ..., others [12] }, ... }.</summary>
    private static void ServiceError(ref BerReader parent, ReadOnlySpan<byte> content, ref MmsDecoded d)
    {
        if (!parent.TryEnter(content, out var fields) || !fields.TryRead(out var errorClass) || !errorClass.IsContext(0)) return;
        if (!fields.TryEnter(errorClass.Content, out var choice) || !choice.TryRead(out var code)) return;
        d.ErrorClass = code.TagClass == BerElement.ClassContext ? code.Number : -1;
        if (BerReader.TryReadUnsigned(code.Content, out uint value) && value <= int.MaxValue) d.ErrorCode = (int)value;
    }

    /// <summary>Unconfirmed-PDU ::= SEQUENCE { service CHOICE { informationReport [0], unsolicitedStatus [1], eventNotification [2] } }.</summary>
    private static void Unconfirmed(ReadOnlySpan<byte> tsdu, ref BerReader body, ref MmsDecoded d)
    {
        if (!body.TryRead(out var service) || service.TagClass != BerElement.ClassContext)
        {
            d.Anomalies |= MmsAnomalies.MissingService;
            return;
        }
        d.UnconfirmedService = service.Number;
        // InformationReport ::= SEQUENCE { variableAccessSpecification, listOfAccessResult [0] }
        if (service.Number == 0 && body.TryEnter(service.Content, out var report) && report.TryRead(out var spec))
        {
            VariableAccessSpecification(tsdu, ref report, in spec, ref d);
            if (report.TryRead(out var results) && results.IsContext(0) && report.TryEnter(results.Content, out var list))
                AccessResults(ref list, failureTag: 0, ref d);
        }
    }

    /// <summary>RejectPDU ::= SEQUENCE { originalInvokeID [0] OPTIONAL, rejectReason CHOICE { confirmed-requestPDU [1] INTEGER, ... } }.</summary>
    private static void Reject(ref BerReader body, ref MmsDecoded d)
    {
        while (body.TryRead(out var e))
        {
            if (e.TagClass != BerElement.ClassContext) continue;
            if (e.Number == 0)
            {
                if (BerReader.TryReadUnsigned(e.Content, out uint id)) d.InvokeId = id;
                continue;
            }
            d.ErrorClass = e.Number;
            if (BerReader.TryReadUnsigned(e.Content, out uint code) && code <= int.MaxValue) d.ErrorCode = (int)code;
        }
    }

    /// <summary>Initiate-Request/ResponsePDU: localDetail [0], maxServOutstandingCalling [1], ...Called [2], nesting [3], init detail [4] { version [0] }.</summary>
    private static void Initiate(ref BerReader body, ref MmsDecoded d)
    {
        while (body.TryRead(out var e))
        {
            if (e.TagClass != BerElement.ClassContext) continue;
            if (e.Number == 4 && e.Constructed)
            {
                if (body.TryEnter(e.Content, out var detail) && detail.TryRead(out var version) && version.IsContext(0)
                    && BerReader.TryReadUnsigned(version.Content, out uint v))
                {
                    d.Version = v;
                }
                continue;
            }
            if (!BerReader.TryReadUnsigned(e.Content, out uint value)) continue;
            if (e.Number == 0) d.LocalDetail = value;
            else if (e.Number == 1) d.MaxCalling = value;
            else if (e.Number == 2) d.MaxCalled = value;
        }
    }

    private static void SetSpan(ReadOnlySpan<byte> tsdu, ReadOnlySpan<byte> part, out int offset, out int length)
    {
        if (part.IsEmpty || !tsdu.Overlaps(part, out offset))
        {
            offset = 0;
            length = 0;
            return;
        }
        length = part.Length;
    }
}
