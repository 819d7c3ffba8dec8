namespace OtSensor.Outputs.Forwarding.EventHubs;

/// <summary>The Event Hubs record of a decoded protocol event (<c>event.schema.json</c>), built whole by
/// <see cref="InventoryRecordsReader"/> and sent as is.</summary>
public static class ProtocolEventRecord
{
    /// <summary>Event property <c>Type</c> and the record's <c>RecordType</c>.</summary>
    public const string RecordType = "OtSensorEvent";
}
