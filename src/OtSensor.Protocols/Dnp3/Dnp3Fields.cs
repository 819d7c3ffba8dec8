namespace OtSensor.Protocols.Dnp3;

/// <summary>JSON keys of the DNP3 fields in <c>events.jsonl</c> and the stream anomaly names: one static string each.</summary>
public static class Dnp3Fields
{
    public const string Source = "dnp3Src";
    public const string Destination = "dnp3Dst";
    public const string FromMaster = "fromMaster";
    public const string LinkControl = "linkControl";
    public const string LinkFunction = "linkFunction";
    public const string LinkFunctionName = "linkFunctionName";
    public const string LinkFrames = "linkFrames";
    public const string FragmentLength = "fragmentLength";
    public const string ApplicationControl = "appControl";
    public const string ApplicationSequence = "appSeq";
    public const string Fir = "fir";
    public const string Fin = "fin";
    public const string Confirm = "con";
    public const string Unsolicited = "uns";
    public const string Iin = "iin";
    public const string IinFlags = "iinFlags";
    public const string RequestFunction = "requestFunction";
    public const string ObjectCount = "objectCount";
    public const string PointCount = "pointCount";
    public const string Objects = "objects";
    public const string Group = "group";
    public const string Variation = "variation";
    public const string Qualifier = "qualifier";
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Count = "count";
    public const string Name = "name";
    public const string Controls = "controls";
    public const string AnalogOutputs = "analogOutputs";
    public const string Index = "index";
    public const string ControlCode = "code";
    public const string Operation = "operation";
    public const string TripClose = "tripClose";
    public const string OnTime = "onTime";
    public const string OffTime = "offTime";
    public const string Status = "status";
    public const string Value = "value";
    public const string Time = "time";
    public const string TimeDelay = "timeDelay";
    public const string FileName = "fileName";
    public const string SecureAuthentication = "saMessage";
    public const string DeviceAttributes = "deviceAttributes";

    /// <summary>Stream anomaly: a link header with a bad CRC, start octets or length; the session resynchronises.</summary>
    public const string StreamHeaderCrcError = "header_crc_error";

    /// <summary>Stream anomaly: link header start octets are not 0x05 0x64 where a frame was expected.</summary>
    public const string StreamInvalidStart = "invalid_start";

    /// <summary>Stream anomaly: link LENGTH below 5.</summary>
    public const string StreamInvalidLength = "invalid_length";

    /// <summary>Stream anomaly: resync skipped more than <see cref="Dnp3Constants.MaxResyncBytes"/>; decoding stops.</summary>
    public const string StreamNotDnp3 = "not_dnp3";

    /// <summary>Stream anomaly: a reassembled fragment exceeded the bound; it was discarded.</summary>
    public const string StreamTooLongReassembly = "too_long_reassembly";

    /// <summary>Stream anomaly: a transport segment out of sequence; the fragment in progress was discarded.</summary>
    public const string StreamTransportSequenceError = "transport_sequence_error";

    /// <summary>Stream anomaly: a transport segment without FIR while no fragment was in progress; it was discarded.</summary>
    public const string StreamTransportNoFir = "transport_no_fir";

    /// <summary>Stream anomaly: a new FIR segment arrived before the previous fragment's FIN; the old one was discarded.</summary>
    public const string StreamFragmentAbandoned = "fragment_abandoned";

    /// <summary>Stream anomaly: a user data link frame without a transport header.</summary>
    public const string StreamEmptyUserData = "empty_user_data";

    /// <summary>Stream anomaly: a datagram ends inside a link frame.</summary>
    public const string StreamTruncatedFrame = "truncated_frame";

    /// <summary>Stream anomaly: more outstanding requests than <see cref="Dnp3Constants.MaxOutstandingRequests"/>.</summary>
    public const string StreamTooManyTransactions = "too_many_transactions";
}
