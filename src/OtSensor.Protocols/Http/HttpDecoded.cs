namespace OtSensor.Protocols.Http;

/// <summary>The start line and the naming headers of one header block, as offsets into it (0 length = absent).</summary>
internal struct HttpDecoded
{
    public bool IsResponse;
    public int MethodIndex;
    public int MethodOffset, MethodLength;
    public int TargetOffset, TargetLength;
    public int VersionMinor;
    public int Status;
    public int ReasonOffset, ReasonLength;
    public int HostOffset, HostLength;
    public int UserAgentOffset, UserAgentLength;
    public int ServerOffset, ServerLength;
    public int ContentTypeOffset, ContentTypeLength;
    public long ContentLength;
    public bool Chunked;
    public int HeaderCount;
    public HttpAnomalies Anomalies;
}
