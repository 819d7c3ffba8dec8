namespace OtSensor.Outputs.Reports.Risk;

/// <summary>The weighted kinds of finding the security score is computed from (see <see cref="RiskWeights"/>).</summary>
public enum FindingKind
{
    KnownVulnerabilities,
    UnauthorizedDevices,
    UnknownFirmware,
    CleartextProtocols,
    CleartextCredentials,
    RemoteAccess,
    InternetConnections,
    LevelSkipping,
    CrossLevelConnections,
    CrossSubnetConnections,
    ManyPlcs,
    ProgrammingEvents,
    ControllerStateChanges,
    FirmwareChanges,
    CriticalAlerts,
    MajorAlerts,
    MinorAlerts,
    WarningAlerts,
}
