namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>How the blocks of one DCP PDU are laid out, which depends on the service and its direction.</summary>
public enum ProfinetDcpBlockLayout : byte
{
    /// <summary>Option, Suboption, DCPBlockLength, value (Identify request filters).</summary>
    Plain,

    /// <summary>Option, Suboption, DCPBlockLength, BlockInfo or BlockQualifier, value (responses, Hello, Set request).</summary>
    Prefixed,

    /// <summary>Option and Suboption pairs only, no length (Get request).</summary>
    OptionList,
}
