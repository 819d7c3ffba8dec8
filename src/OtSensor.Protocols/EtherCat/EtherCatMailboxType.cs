namespace OtSensor.Protocols.EtherCat;

/// <summary>Mailbox protocol in the low 4 bits of the mailbox header's last byte.</summary>
/// <remarks>ETG.1000.6 §5.6 Table 29 (mailbox types); 6–14 are reserved.</remarks>
public enum EtherCatMailboxType : byte
{
    /// <summary>Error reply of the slave's mailbox handler.</summary>
    Error = 0,

    /// <summary>ADS over EtherCAT.</summary>
    Aoe = 1,

    /// <summary>Ethernet over EtherCAT.</summary>
    Eoe = 2,

    /// <summary>CANopen over EtherCAT.</summary>
    Coe = 3,

    /// <summary>File access over EtherCAT.</summary>
    Foe = 4,

    /// <summary>Servo drive profile over EtherCAT.</summary>
    Soe = 5,

    /// <summary>Vendor specific over EtherCAT.</summary>
    Voe = 15,
}
