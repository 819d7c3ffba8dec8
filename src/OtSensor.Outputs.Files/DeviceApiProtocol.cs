namespace OtSensor.Outputs.Files;

/// <summary>
/// One entry of a device's <c>protocols</c> array (sensor-reference §9.1: <c>{id, name, addresses}</c>) plus ours: the
/// protocol's short <see cref="Protocol"/> name, the device's <see cref="Roles"/> in it, and where the fact came from.
/// </summary>
/// <param name="Id">The decoder's protocol id; 0 for a protocol guessed from the port.</param>
/// <param name="Name">Display name (e.g. "Modbus TCP").</param>
/// <param name="Protocol">Short name (e.g. "modbus").</param>
/// <param name="Addresses">Protocol-level addresses (unit ids, station numbers...).</param>
/// <param name="Roles">"client"/"server" or the protocol's own words (master, slave...).</param>
/// <param name="Source">Evidence source: decoded or port.</param>
/// <param name="Confidence">Evidence confidence 0-100.</param>
public sealed record DeviceApiProtocol(int Id, string Name, string Protocol, IReadOnlyList<string> Addresses, IReadOnlyList<string> Roles, string Source, int Confidence);
