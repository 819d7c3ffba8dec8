namespace OtSensor.Protocols.Cip;

/// <summary>
/// What a session keeps of a CIP request to name its reply: service and class, and for an Unconnected Send the
/// embedded request's (its reply is the embedded service's reply, Vol. 1 §3-5.5.4). Service 0 means nothing to keep.
/// </summary>
public readonly record struct CipRequestSummary(byte Service, int ClassId, byte EmbeddedService, int EmbeddedClassId)
{
    /// <summary>The class of the request that <paramref name="replyService"/> answers; -1 when neither service matches.</summary>
    public int ClassFor(byte replyService)
    {
        int service = replyService & 0x7F;
        if (Service != 0 && service == Service) return ClassId;
        if (EmbeddedService != 0 && service == EmbeddedService) return EmbeddedClassId;
        return -1;
    }
}
