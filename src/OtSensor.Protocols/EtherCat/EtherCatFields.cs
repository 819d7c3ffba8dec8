namespace OtSensor.Protocols.EtherCat;

/// <summary>
/// Stable names of the keys <see cref="EtherCatMessage.WriteDetails"/> writes and of the frame-level anomalies
/// the sessions report. Declared once, reused by outputs, detectors and tests.
/// </summary>
public static class EtherCatFields
{
    public const string Datagram = "datagram";
    public const string Index = "index";
    public const string Adp = "adp";
    public const string Ado = "ado";
    public const string LogicalAddress = "logicalAddress";
    public const string Length = "length";
    public const string Irq = "irq";
    public const string Wkc = "wkc";
    public const string Circulating = "circulating";
    public const string More = "more";
    public const string FromMaster = "fromMaster";
    public const string FrameType = "frameType";
    public const string FrameTypeName = "frameTypeName";
    public const string FrameLength = "frameLength";
    public const string AlState = "alState";
    public const string AlStateCode = "alStateCode";
    public const string ErrorAck = "errorAck";
    public const string AlStatus = "alStatus";
    public const string AlStatusCode = "alStatusCode";
    public const string AlError = "alError";
    public const string Mailbox = "mailbox";
    public const string MailboxType = "mailboxType";
    public const string MailboxLength = "mailboxLength";
    public const string MailboxAddress = "mailboxAddress";
    public const string MailboxCounter = "mailboxCounter";
    public const string CoeNumber = "coeNumber";
    public const string CoeService = "coeService";
    public const string CoeServiceName = "coeServiceName";
    public const string SdoCommand = "sdoCommand";
    public const string SdoCommandName = "sdoCommandName";
    public const string SdoIndex = "sdoIndex";
    public const string SdoSubIndex = "sdoSubIndex";
    public const string CompleteAccess = "completeAccess";
    public const string SdoAbortCode = "sdoAbortCode";
    public const string FoeOpcode = "foeOpcode";
    public const string FoeOpcodeName = "foeOpcodeName";
    public const string FoePassword = "foePassword";
    public const string FoePacket = "foePacket";
    public const string FoeErrorCode = "foeErrorCode";
    public const string FileName = "fileName";

    /// <summary>Stream anomaly: an EtherType 0x88A4 payload (or UDP datagram) shorter than the 2-byte frame header.</summary>
    public const string StreamTruncatedFrameHeader = "truncated_frame_header";
}
