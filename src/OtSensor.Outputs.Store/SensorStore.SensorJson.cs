namespace OtSensor.Outputs.Store;

public sealed partial class SensorStore
{
    // The §9.1 device object built by SQLite's JSON functions from the normalised tables, in the documented field order.
    // A scalar subquery loses the JSON subtype of its value, hence the json(...) around each of them.
    private const string SensorDevicesSql = """
        SELECT COALESCE(json_group_array(json(j)), '[]') FROM (
          SELECT json_object(
            'id', d.id,
            'ipAddresses', json((SELECT json_group_array(address) FROM
              (SELECT address FROM device_addresses WHERE device_id = d.id AND kind = 0 ORDER BY ordinal))),
            'name', d.name,
            'vendor', d.vendor,
            'operatingSystem', d.operating_system,
            'macAddresses', json((SELECT json_group_array(address) FROM
              (SELECT address FROM device_addresses WHERE device_id = d.id AND kind = 1 ORDER BY ordinal))),
            'type', d.type,
            'engineeringStation', json(CASE WHEN d.engineering_station <> 0 THEN 'true' ELSE 'false' END),
            'authorized', json(CASE WHEN d.authorized <> 0 THEN 'true' ELSE 'false' END),
            'scanner', json(CASE WHEN d.scanner <> 0 THEN 'true' ELSE 'false' END),
            'protocols', json((SELECT json_group_array(json_object('id', protocol_id, 'name', name, 'addresses', json(addresses))) FROM
              (SELECT protocol_id, name, addresses FROM device_protocols WHERE device_id = d.id ORDER BY ordinal))),
            'firmware', json((SELECT json_group_array(json_object('address', address, 'moduleAddress', module_address, 'serial', serial,
                'model', model, 'firmwareVersion', firmware_version, 'additionalData', additional_data, 'rack', rack, 'slot', slot)) FROM
              (SELECT * FROM device_firmware WHERE device_id = d.id ORDER BY ordinal))),
            'hasDynamicAddress', json(CASE WHEN d.has_dynamic_address <> 0 THEN 'true' ELSE 'false' END)
          ) AS j
          FROM devices d WHERE $authorized IS NULL OR d.authorized = $authorized ORDER BY d.id)
        """;

    /// <summary>
    /// <c>GET /api/v1/devices</c> as one JSON array of the sensor's device objects (sensor-reference §9.1), composed by
    /// SQLite itself: for a large inventory this is several times faster than reading every column into objects and
    /// serialising them again. <see cref="GetDevices"/> returns the same devices as records.
    /// </summary>
    /// <returns>The array as UTF-8, straight from SQLite's text (no UTF-16 string in between).</returns>
    public byte[] GetSensorDevicesJson(bool? authorized)
    {
        using var db = OpenRead();
        using var command = Command(db, null, SensorDevicesSql, ("$authorized", authorized));
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetFieldValue<byte[]>(0);
    }
}
