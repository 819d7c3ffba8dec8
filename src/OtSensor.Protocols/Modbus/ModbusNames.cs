namespace OtSensor.Protocols.Modbus;

/// <summary>
/// Display names of Modbus codes, one static string per value, so that formatting a message never
/// allocates or calls <c>Enum.ToString</c>.
/// </summary>
/// <remarks>
/// Function and exception names follow tshark 4.0 (<c>modbus.func_code</c>, <c>modbus.exception_code</c>)
/// so that conformance output reads the same; the specification's names are on the enums.
/// </remarks>
public static class ModbusNames
{
    private static readonly string?[] Functions = BuildFunctions();
    private static readonly string?[] Exceptions = BuildExceptions();
    private static readonly string?[] Umas = BuildUmas();
    private static readonly string?[] DiagnosticSubFunctions = BuildDiagnostics();
    private static readonly string?[] DeviceIdObjects = BuildDeviceIdObjects();

    private static readonly string[] Anomalies =
    [
        "invalid_protocol_id", "invalid_length", "length_mismatch", "data_too_short", "trailing_bytes",
        "byte_count_quantity_mismatch", "byte_count_length_mismatch", "quantity_out_of_range", "invalid_coil_value",
        "unknown_function", "unknown_exception_code", "reserved_mei_type", "reserved_sub_function",
        "invalid_reference_type", "invalid_read_device_id_code", "invalid_more_follows", "exception_bit_in_request",
        "unsolicited_response", "response_function_mismatch", "byte_count_out_of_range",
    ];

    /// <summary>Name of a function code (exception bit cleared); null for an unassigned code.</summary>
    public static string? Function(byte code) => Functions[code & 0x7F];

    /// <summary>Name of an exception code; null when undefined.</summary>
    public static string? Exception(byte code) => Exceptions[code];

    /// <summary>Name of a UMAS function code; null when not in the public tables.</summary>
    public static string? UmasFunction(byte code) => Umas[code];

    /// <summary>Name of a Diagnostics (8) sub-function; null when reserved.</summary>
    public static string? DiagnosticSubFunction(ushort code) => code < DiagnosticSubFunctions.Length ? DiagnosticSubFunctions[code] : null;

    /// <summary>Name of a MEI type of function 43; null when reserved.</summary>
    public static string? MeiType(byte mei) => mei switch
    {
        ModbusConstants.MeiCanOpenGeneralReference => "CANopen General Reference",
        ModbusConstants.MeiReadDeviceIdentification => "Read Device Identification",
        _ => null,
    };

    /// <summary>JSON key of a basic or regular device identification object (§6.21 table); null for others.</summary>
    public static string? DeviceIdObject(byte id) => id < DeviceIdObjects.Length ? DeviceIdObjects[id] : null;

    /// <summary>Stable name of one <see cref="ModbusAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    /// <summary>True for the user-defined ranges 65–72 and 100–110 (§5.1).</summary>
    public static bool IsUserDefined(byte function) => function is (>= 65 and <= 72) or (>= 100 and <= 110);

    private static string?[] BuildFunctions()
    {
        var t = new string?[128];
        t[0x01] = "Read Coils";
        t[0x02] = "Read Discrete Inputs";
        t[0x03] = "Read Holding Registers";
        t[0x04] = "Read Input Registers";
        t[0x05] = "Write Single Coil";
        t[0x06] = "Write Single Register";
        t[0x07] = "Read Exception Status";
        t[0x08] = "Diagnostics";
        t[0x0B] = "Get Comm. Event Counters";
        t[0x0C] = "Get Comm. Event Log";
        t[0x0F] = "Write Multiple Coils";
        t[0x10] = "Write Multiple Registers";
        t[0x11] = "Report Slave ID";
        t[0x14] = "Read File Record";
        t[0x15] = "Write File Record";
        t[0x16] = "Mask Write Register";
        t[0x17] = "Read Write Register";
        t[0x18] = "Read FIFO Queue";
        t[0x2B] = "Encapsulated Interface Transport";
        t[0x5A] = "Unity (Schneider)";
        for (int i = 65; i <= 72; i++) t[i] = "User Defined";
        for (int i = 100; i <= 110; i++) t[i] = "User Defined";
        return t;
    }

    private static string?[] BuildExceptions()
    {
        var t = new string?[256];
        t[0x01] = "Illegal function";
        t[0x02] = "Illegal data address";
        t[0x03] = "Illegal data value";
        t[0x04] = "Slave device failure";
        t[0x05] = "Acknowledge";
        t[0x06] = "Slave device busy";
        t[0x07] = "Negative acknowledge";
        t[0x08] = "Memory parity error";
        t[0x0A] = "Gateway path unavailable";
        t[0x0B] = "Gateway target device failed to respond";
        return t;
    }

    private static string?[] BuildUmas()
    {
        var t = new string?[256];
        t[0x01] = "INIT_COMM";
        t[0x02] = "READ_ID";
        t[0x03] = "READ_PROJECT_INFO";
        t[0x04] = "READ_PLC_INFO";
        t[0x06] = "READ_CARD_INFO";
        t[0x0A] = "REPEAT";
        t[0x10] = "TAKE_PLC_RESERVATION";
        t[0x11] = "RELEASE_PLC_RESERVATION";
        t[0x12] = "KEEP_ALIVE";
        t[0x20] = "READ_MEMORY_BLOCK";
        t[0x22] = "READ_VARIABLES";
        t[0x23] = "WRITE_VARIABLES";
        t[0x24] = "READ_COILS_REGISTERS";
        t[0x25] = "WRITE_COILS_REGISTERS";
        t[0x30] = "INITIALIZE_UPLOAD";
        t[0x31] = "UPLOAD_BLOCK";
        t[0x32] = "END_STRATEGY_UPLOAD";
        t[0x33] = "INITIALIZE_DOWNLOAD";
        t[0x34] = "DOWNLOAD_BLOCK";
        t[0x35] = "END_STRATEGY_DOWNLOAD";
        t[0x39] = "READ_ETH_MASTER_DATA";
        t[0x40] = "START_PLC";
        t[0x41] = "STOP_PLC";
        t[0x50] = "MONITOR_PLC";
        t[0x58] = "CHECK_PLC";
        t[0x70] = "READ_IO_OBJECT";
        t[0x71] = "WRITE_IO_OBJECT";
        t[0x73] = "GET_STATUS_MODULE";
        return t;
    }

    private static string?[] BuildDiagnostics()
    {
        // §6.8.1: 0x05–0x09, 0x13 and 0x15 and above are reserved.
        var t = new string?[0x15];
        t[0x00] = "Return Query Data";
        t[0x01] = "Restart Communications Option";
        t[0x02] = "Return Diagnostic Register";
        t[0x03] = "Change ASCII Input Delimiter";
        t[0x04] = "Force Listen Only Mode";
        t[0x0A] = "Clear Counters and Diagnostic Register";
        t[0x0B] = "Return Bus Message Count";
        t[0x0C] = "Return Bus Communication Error Count";
        t[0x0D] = "Return Bus Exception Error Count";
        t[0x0E] = "Return Server Message Count";
        t[0x0F] = "Return Server No Response Count";
        t[0x10] = "Return Server NAK Count";
        t[0x11] = "Return Server Busy Count";
        t[0x12] = "Return Bus Character Overrun Count";
        t[0x14] = "Clear Overrun Counter and Flag";
        return t;
    }

    private static string?[] BuildDeviceIdObjects()
    {
        var t = new string?[7];
        t[0x00] = "vendorName";
        t[0x01] = "productCode";
        t[0x02] = "revision";
        t[0x03] = "vendorUrl";
        t[0x04] = "productName";
        t[0x05] = "modelName";
        t[0x06] = "userApplicationName";
        return t;
    }
}
