namespace OtSensor.Protocols.Cip;

/// <summary>Static name tables for CIP services, classes, general status codes and anomalies.</summary>
/// <remarks>
/// Service names: Vol. 1 appendix A-3 (common services) and A-4 / §3-5.5 / §5A-42 (object specific); class names:
/// Vol. 1 §5A and the ODVA class code registry; general status: Vol. 1 appendix B-1. Names only, no behaviour.
/// </remarks>
public static class CipNames
{
    private static readonly string?[] CommonServices = BuildCommonServices();
    private static readonly string?[] LogixServices = BuildLogixServices();
    private static readonly string?[] ConnectionManagerServices = BuildConnectionManagerServices();
    private static readonly string?[] FileServices = BuildFileServices();
    private static readonly string?[] Classes = BuildClasses();
    private static readonly string?[] GeneralStatuses = BuildGeneralStatuses();

    private static readonly string[] Anomalies =
    [
        "truncated",
        "path_too_long",
        "bad_path_segment",
        "extended_status_too_long",
        "bad_service_offset",
        "bad_embedded_length",
        "nesting_too_deep",
        "short_connection_data",
        "reserved_not_zero",
    ];

    /// <summary>Name of a service code (response bit ignored) for the class it addresses (-1 when unknown).</summary>
    public static string? Service(byte service, int classId)
    {
        int code = service & 0x7F;
        if (code < 0x4B) return CommonServices[code];
        if (code > 0x63) return null;
        return classId switch
        {
            CipConstants.ConnectionManagerClass => ConnectionManagerServices[code - 0x4B],
            CipConstants.FileClass => FileServices[code - 0x4B],
            CipConstants.PcccClass when code == CipConstants.ExecutePccc => "Execute PCCC",
            _ => LogixServices[code - 0x4B],
        };
    }

    public static string? Class(int classId) => (uint)classId < (uint)Classes.Length ? Classes[classId] : null;

    public static string? GeneralStatus(byte status) => status < GeneralStatuses.Length ? GeneralStatuses[status] : null;

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    private static string?[] BuildCommonServices()
    {
        var t = new string?[0x4B];
        t[0x01] = "Get Attributes All";
        t[0x02] = "Set Attributes All";
        t[0x03] = "Get Attribute List";
        t[0x04] = "Set Attribute List";
        t[0x05] = "Reset";
        t[0x06] = "Start";
        t[0x07] = "Stop";
        t[0x08] = "Create";
        t[0x09] = "Delete";
        t[0x0A] = "Multiple Service Packet";
        t[0x0D] = "Apply Attributes";
        t[0x0E] = "Get Attribute Single";
        t[0x10] = "Set Attribute Single";
        t[0x11] = "Find Next Object Instance";
        t[0x14] = "Error Response";
        t[0x15] = "Restore";
        t[0x16] = "Save";
        t[0x17] = "No Operation";
        t[0x18] = "Get Member";
        t[0x19] = "Set Member";
        t[0x1A] = "Insert Member";
        t[0x1B] = "Remove Member";
        t[0x1C] = "GroupSync";
        return t;
    }

    private static string?[] BuildLogixServices()
    {
        var t = new string?[0x63 - 0x4B + 1];
        t[0x4B - 0x4B] = "Execute PCCC";
        t[0x4C - 0x4B] = "Read Tag";
        t[0x4D - 0x4B] = "Write Tag";
        t[0x4E - 0x4B] = "Read Modify Write Tag";
        t[0x52 - 0x4B] = "Read Tag Fragmented";
        t[0x53 - 0x4B] = "Write Tag Fragmented";
        t[0x54 - 0x4B] = "Forward Open";
        t[0x55 - 0x4B] = "Get Instance Attribute List";
        t[0x5B - 0x4B] = "Large Forward Open";
        return t;
    }

    private static string?[] BuildConnectionManagerServices()
    {
        var t = new string?[0x63 - 0x4B + 1];
        t[0x4E - 0x4B] = "Forward Close";
        t[0x52 - 0x4B] = "Unconnected Send";
        t[0x54 - 0x4B] = "Forward Open";
        t[0x56 - 0x4B] = "Get Connection Data";
        t[0x57 - 0x4B] = "Search Connection Data";
        t[0x5A - 0x4B] = "Get Connection Owner";
        t[0x5B - 0x4B] = "Large Forward Open";
        return t;
    }

    private static string?[] BuildFileServices()
    {
        var t = new string?[0x63 - 0x4B + 1];
        t[0x4B - 0x4B] = "Initiate Upload";
        t[0x4C - 0x4B] = "Initiate Download";
        t[0x4D - 0x4B] = "Initiate Partial Read";
        t[0x4E - 0x4B] = "Initiate Partial Write";
        t[0x4F - 0x4B] = "Upload Transfer";
        t[0x50 - 0x4B] = "Download Transfer";
        t[0x51 - 0x4B] = "Clear File";
        return t;
    }

    private static string?[] BuildClasses()
    {
        var t = new string?[0x100];
        t[0x01] = "Identity";
        t[0x02] = "Message Router";
        t[0x03] = "DeviceNet";
        t[0x04] = "Assembly";
        t[0x05] = "Connection";
        t[0x06] = "Connection Manager";
        t[0x07] = "Register";
        t[0x08] = "Discrete Input Point";
        t[0x09] = "Discrete Output Point";
        t[0x0A] = "Analog Input Point";
        t[0x0B] = "Analog Output Point";
        t[0x0E] = "Presence Sensing";
        t[0x0F] = "Parameter";
        t[0x10] = "Parameter Group";
        t[0x12] = "Group";
        t[0x1D] = "Discrete Input Group";
        t[0x1E] = "Discrete Output Group";
        t[0x1F] = "Discrete Group";
        t[0x20] = "Analog Input Group";
        t[0x21] = "Analog Output Group";
        t[0x22] = "Analog Group";
        t[0x23] = "Position Sensor";
        t[0x24] = "Position Controller Supervisor";
        t[0x25] = "Position Controller";
        t[0x26] = "Block Sequencer";
        t[0x27] = "Command Block";
        t[0x28] = "Motor Data";
        t[0x29] = "Control Supervisor";
        t[0x2A] = "AC/DC Drive";
        t[0x2B] = "Acknowledge Handler";
        t[0x2C] = "Overload";
        t[0x2D] = "Softstart";
        t[0x2E] = "Selection";
        t[0x30] = "S-Device Supervisor";
        t[0x37] = "File";
        t[0x39] = "Safety Supervisor";
        t[0x3A] = "Safety Validator";
        t[0x41] = "Event Log";
        t[0x42] = "Motion Device Axis";
        t[0x43] = "Time Sync";
        t[0x44] = "Modbus";
        t[0x45] = "Originator Connection List";
        t[0x46] = "Modbus Serial Link";
        t[0x47] = "Device Level Ring (DLR)";
        t[0x48] = "QoS";
        t[0x4D] = "Target Connection List";
        t[0x4E] = "Base Energy";
        t[0x4F] = "Electrical Energy";
        t[0x50] = "Non-Electrical Energy";
        t[0x51] = "Base Switch";
        t[0x52] = "SNMP";
        t[0x53] = "Power Management";
        t[0x54] = "RSTP Bridge";
        t[0x55] = "RSTP Port";
        t[0x5D] = "CIP Security";
        t[0x5E] = "EtherNet/IP Security";
        t[0x67] = "PCCC";
        t[0x6B] = "Symbol";
        t[0x6C] = "Template";
        t[0x72] = "Connection Configuration (Logix)";
        t[0x8B] = "Wall Clock Time (Logix)";
        t[0xAC] = "Controller Time (Logix)";
        t[0xF0] = "ControlNet";
        t[0xF1] = "ControlNet Keeper";
        t[0xF2] = "ControlNet Scheduling";
        t[0xF3] = "Connection Configuration";
        t[0xF4] = "Port";
        t[0xF5] = "TCP/IP Interface";
        t[0xF6] = "Ethernet Link";
        t[0xF7] = "CompoNet Link";
        t[0xF8] = "CompoNet Repeater";
        return t;
    }

    private static string?[] BuildGeneralStatuses()
    {
        return
        [
            "Success", "Connection failure", "Resource unavailable", "Invalid parameter value", "Path segment error",
            "Path destination unknown", "Partial transfer", "Connection lost", "Service not supported",
            "Invalid attribute value", "Attribute list error", "Already in requested mode/state", "Object state conflict",
            "Object already exists", "Attribute not settable", "Privilege violation", "Device state conflict",
            "Reply data too large", "Fragmentation of a primitive value", "Not enough data", "Attribute not supported",
            "Too much data", "Object does not exist", "Service fragmentation sequence not in progress",
            "No stored attribute data", "Store operation failure", "Routing failure, request packet too large",
            "Routing failure, response packet too large", "Missing attribute list entry data", "Invalid attribute value list",
            "Embedded service error", "Vendor specific error", "Invalid parameter", "Write-once value or medium already written",
            "Invalid reply received", "Buffer overflow", "Invalid message format", "Key failure in path", "Path size invalid",
            "Unexpected attribute in list", "Invalid Member ID", "Member not settable", "Group 2 only server general failure",
            "Unknown Modbus error", "Attribute not gettable",
        ];
    }
}
