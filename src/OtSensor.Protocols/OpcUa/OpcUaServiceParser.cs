using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.OpcUa;

/// <summary>Decodes the service body of a MSG/OPN/CLO: its type NodeId and the fields the sensor reports.</summary>
/// <remarks>
/// Part 6 §5.2.2.9 type NodeId, then the Part 4 structures: RequestHeader (§7.28) or ResponseHeader (§7.29) first;
/// GetEndpoints (§5.4.4), CreateSession (§5.6.2), ActivateSession (§5.6.3), OpenSecureChannel (§5.5.2), Read (§5.10.2),
/// Write (§5.10.4), Call (§5.11.2), Browse (§5.8.2), HistoryRead (§5.10.3). Other services: the header only.
/// </remarks>
internal static class OpcUaServiceParser
{
    public static void Parse(ref OpcUaReader reader, Direction direction, ref OpcUaDecoded d)
    {
        if (!reader.NodeId(out d.ServiceNodeId)) return;
        d.Present |= OpcUaFieldPresence.Service;
        if (!d.ServiceNodeId.IsStandardNumeric)
        {
            d.Anomalies |= OpcUaAnomalies.UnknownService;
            return;
        }

        var (kind, isResponse, name) = OpcUaServices.Find(d.ServiceNodeId.Numeric);
        d.Kind = kind;
        d.ServiceName = name;
        if (kind == OpcUaServiceKind.Unknown)
        {
            d.Anomalies |= OpcUaAnomalies.UnknownService;
            return;
        }

        d.IsResponse = isResponse;
        if (isResponse != (direction == Direction.ToClient)) d.Anomalies |= OpcUaAnomalies.UnexpectedDirection;

        if (isResponse)
        {
            if (!reader.ResponseHeader(out d.RequestHandle, out d.ServiceResult))
            {
                // The handle and result precede the variable part: keep them when only the tail is broken.
                if (reader.Position >= OpcUaConstants.ServiceResultOffset + 4 + 1) d.Present |= OpcUaFieldPresence.RequestHandle | OpcUaFieldPresence.ServiceResult;
                return;
            }
            d.Present |= OpcUaFieldPresence.RequestHandle | OpcUaFieldPresence.ServiceResult;
            ParseResponse(ref reader, ref d);
        }
        else
        {
            if (!reader.RequestHeader(out d.RequestHandle)) return;
            d.Present |= OpcUaFieldPresence.RequestHandle;
            ParseRequest(ref reader, ref d);
        }
    }

    private static void ParseRequest(ref OpcUaReader reader, ref OpcUaDecoded d)
    {
        switch (d.Kind)
        {
            case OpcUaServiceKind.GetEndpoints:
                if (reader.Bytes(out d.EndpointUrl, OpcUaConstants.MaxEndpointUrlLength)) d.Present |= OpcUaFieldPresence.EndpointUrl;
                break;
            case OpcUaServiceKind.OpenSecureChannel:
                // ClientProtocolVersion, RequestType, SecurityMode, ClientNonce, RequestedLifetime.
                if (reader.Skip(4) && reader.Int32(out d.RequestType) && reader.Int32(out d.SecurityMode))
                    d.Present |= OpcUaFieldPresence.OpenRequest;
                break;
            case OpcUaServiceKind.CreateSession:
                if (!reader.ApplicationDescription(out d.Client)) break;
                d.Present |= OpcUaFieldPresence.Client;
                if (!reader.Bytes(out d.ServerUri, OpcUaConstants.MaxEndpointUrlLength)) break;
                d.Present |= OpcUaFieldPresence.ServerUri;
                if (!reader.Bytes(out d.EndpointUrl, OpcUaConstants.MaxEndpointUrlLength)) break;
                d.Present |= OpcUaFieldPresence.EndpointUrl;
                if (reader.Bytes(out d.SessionName)) d.Present |= OpcUaFieldPresence.SessionName;
                break;
            case OpcUaServiceKind.ActivateSession:
                ParseActivateSession(ref reader, ref d);
                break;
            case OpcUaServiceKind.Read:
                // MaxAge (Double), TimestampsToReturn, NodesToRead[].
                if (reader.Skip(12)) ReadCount(ref reader, ref d);
                break;
            case OpcUaServiceKind.Write:
            case OpcUaServiceKind.Call:
                ReadCount(ref reader, ref d);
                break;
            case OpcUaServiceKind.Browse:
                // View (ViewId NodeId, Timestamp, ViewVersion), RequestedMaxReferencesPerNode, NodesToBrowse[].
                if (reader.NodeId(out _) && reader.Skip(16)) ReadCount(ref reader, ref d);
                break;
            case OpcUaServiceKind.HistoryRead:
                // HistoryReadDetails (ExtensionObject), TimestampsToReturn, ReleaseContinuationPoints, NodesToRead[].
                if (reader.ExtensionObject(out _, out _) && reader.Skip(5)) ReadCount(ref reader, ref d);
                break;
        }
    }

    private static void ParseActivateSession(ref OpcUaReader reader, ref OpcUaDecoded d)
    {
        // ClientSignature (SignatureData: Algorithm, Signature), ClientSoftwareCertificates[] (CertificateData,
        // Signature), LocaleIds[], UserIdentityToken (ExtensionObject), UserTokenSignature.
        if (!reader.Bytes(out _) || !reader.Bytes(out _) || !reader.ArrayLength(out int certificates)) return;
        for (int i = 0; i < certificates; i++)
            if (!reader.Bytes(out _) || !reader.Bytes(out _)) return;
        if (!reader.SkipStringArray() || !reader.ExtensionObject(out var tokenType, out var token)) return;
        if (!tokenType.IsStandardNumeric) return;
        d.IdentityTokenId = tokenType.Numeric;
        d.Present |= OpcUaFieldPresence.IdentityToken;
        if (token.Length <= 0) return;

        // Every identity token starts with its PolicyId; UserName carries the user name next. The password (and an
        // X509 certificate or issued token) that follow are never read.
        int tokenStart = token.Offset;
        var inner = new OpcUaReader(reader.Slice(token));
        if (!inner.Bytes(out var policyId)) { d.Anomalies |= inner.Error; return; }
        d.PolicyId = new OpcUaRange(tokenStart + policyId.Offset, policyId.Length);
        d.Present |= OpcUaFieldPresence.PolicyId;
        if (tokenType.Numeric != OpcUaConstants.UserNameIdentityToken) return;
        if (!inner.Bytes(out var userName, OpcUaConstants.MaxEndpointUrlLength)) { d.Anomalies |= inner.Error; return; }
        d.UserName = new OpcUaRange(tokenStart + userName.Offset, userName.Length);
        d.Present |= OpcUaFieldPresence.UserName;
    }

    private static void ParseResponse(ref OpcUaReader reader, ref OpcUaDecoded d)
    {
        switch (d.Kind)
        {
            case OpcUaServiceKind.GetEndpoints:
                ReadEndpoints(ref reader, ref d);
                break;
            case OpcUaServiceKind.CreateSession:
                // SessionId, AuthenticationToken, RevisedSessionTimeout (Double), ServerNonce, ServerCertificate, ServerEndpoints[].
                if (reader.NodeId(out _) && reader.NodeId(out _) && reader.Skip(8) && reader.Bytes(out _) && reader.Bytes(out _))
                    ReadEndpoints(ref reader, ref d);
                break;
            case OpcUaServiceKind.OpenSecureChannel:
                // ServerProtocolVersion, SecurityToken (ChannelId, TokenId, CreatedAt, RevisedLifetime), ServerNonce.
                if (reader.Skip(8) && reader.UInt32(out d.TokenId)) d.Present |= OpcUaFieldPresence.TokenId;
                break;
            case OpcUaServiceKind.Read:
            case OpcUaServiceKind.Write:
            case OpcUaServiceKind.Call:
            case OpcUaServiceKind.Browse:
            case OpcUaServiceKind.HistoryRead:
                ReadCount(ref reader, ref d);
                break;
        }
    }

    private static void ReadCount(ref OpcUaReader reader, ref OpcUaDecoded d)
    {
        if (reader.ArrayLength(out d.ItemCount)) d.Present |= OpcUaFieldPresence.ItemCount;
    }

    private static void ReadEndpoints(ref OpcUaReader reader, ref OpcUaDecoded d)
    {
        if (!reader.ArrayLength(out int count)) return;
        d.EndpointsStart = reader.Position;
        d.Present |= OpcUaFieldPresence.Endpoints;
        int walk = Math.Min(count, OpcUaConstants.MaxArrayElements);
        for (int i = 0; i < walk; i++)
        {
            if (!OpcUaEndpoints.Read(ref reader, out _)) return;
            d.EndpointCount++;
        }
    }
}
