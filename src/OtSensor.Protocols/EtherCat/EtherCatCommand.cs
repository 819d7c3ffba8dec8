namespace OtSensor.Protocols.EtherCat;

/// <summary>EtherCAT datagram command (the first byte of every datagram).</summary>
/// <remarks>ETG.1000.4 §5.4 Table 9 (EtherCAT command types); values above 14 are not defined.</remarks>
public enum EtherCatCommand : byte
{
    /// <summary>No operation: slaves ignore the datagram.</summary>
    Nop = 0,

    /// <summary>Auto-increment physical read: ADP is a position, incremented by every slave.</summary>
    Aprd = 1,
    Apwr = 2,
    Aprw = 3,

    /// <summary>Configured-address physical read: ADP is the station address.</summary>
    Fprd = 4,
    Fpwr = 5,
    Fprw = 6,

    /// <summary>Broadcast read: every slave ORs its register into the data.</summary>
    Brd = 7,
    Bwr = 8,
    Brw = 9,

    /// <summary>Logical read: a 32-bit logical address mapped by the FMMUs.</summary>
    Lrd = 10,
    Lwr = 11,
    Lrw = 12,

    /// <summary>Auto-increment read multiple write: one slave is read, all others write (DC time distribution).</summary>
    Armw = 13,

    /// <summary>Configured-address read multiple write.</summary>
    Frmw = 14,
}
