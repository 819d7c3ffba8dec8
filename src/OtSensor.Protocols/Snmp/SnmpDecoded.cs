namespace OtSensor.Protocols.Snmp;

/// <summary>The fields of one SNMP message, filled by <see cref="SnmpParser"/>; variable parts are offsets into it.</summary>
internal struct SnmpDecoded
{
    public int Version;
    public int CommunityLength;
    public int PduType;
    public long RequestId;
    public long ErrorStatus;
    public long ErrorIndex;
    public int VarbindCount;
    public int KeptVarbinds;
    public SnmpVarbindBuffer Varbinds;

    /// <summary>SNMPv3: msgID, security model, msgFlags, and whether the scoped PDU is encrypted.</summary>
    public long MessageId;
    public long SecurityModel;
    public int MessageFlags;
    public bool Encrypted;

    /// <summary>Values of sysDescr.0, sysObjectID.0 and sysName.0 in a Response (offset, length; 0 length = absent).</summary>
    public int SysDescrOffset, SysDescrLength;
    public int SysObjectIdOffset, SysObjectIdLength;
    public int SysNameOffset, SysNameLength;

    public SnmpAnomalies Anomalies;
}
