namespace OtSensor.Outputs.Forwarding;

/// <summary>What an outbound record is (kept in the outbox payload).</summary>
public enum RecordKind
{
    /// <summary>An alert: <c>security-alert.schema.json</c> to Event Hubs, CEF or RFC 5424 to syslog.</summary>
    Alert = 0,
    /// <summary>A device added or changed in the inventory: <c>device-change.schema.json</c>, Event Hubs only.</summary>
    DeviceChange = 1,
    /// <summary>A decoded protocol event: <c>event.schema.json</c>, Event Hubs only.</summary>
    Event = 2,
}
