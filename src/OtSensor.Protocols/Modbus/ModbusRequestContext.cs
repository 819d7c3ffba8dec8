namespace OtSensor.Protocols.Modbus;

/// <summary>
/// What a response needs to know of its request: kept by <see cref="ModbusSession"/> per outstanding
/// (unit id, transaction id), and passed to <see cref="ModbusParser.TryParse(ReadOnlySpan{byte}, Core.Parsing.Direction, in ModbusRequestContext, out ModbusMessage)"/>.
/// </summary>
/// <param name="Function">Request function code.</param>
/// <param name="Address">Start address (read address for 23), when the request had one.</param>
/// <param name="Quantity">Quantity of coils/registers (read quantity for 23), when the request had one.</param>
/// <param name="SubCode">Diagnostics sub-function low byte, MEI type (43) or UMAS function (90).</param>
/// <param name="HasSubCode">Whether <paramref name="SubCode"/> was on the wire.</param>
public readonly record struct ModbusRequestContext(byte Function, ushort? Address, ushort? Quantity, byte SubCode, bool HasSubCode);
