namespace OtSensor.Outputs.Forwarding.Config;

/// <summary>Config <c>targets[i].type</c>.</summary>
public enum TargetKind
{
    EventHubs,
    Syslog,
}
