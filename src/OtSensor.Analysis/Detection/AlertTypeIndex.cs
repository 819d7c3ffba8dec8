using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The catalogue positions of the types the engines raise, looked up by id once per run, and the per-protocol choice
/// of the "new function code" title (the sensor names it per protocol, sensor-reference §3.2), as an array by
/// <see cref="ProtocolId"/>: the hot path never touches a string.
/// </summary>
internal sealed class AlertTypeIndex
{
    public AlertTypeIndex(AlertCatalogue c)
    {
        NewAsset = c.Get("new-asset-detected").Index;
        NewConnection = c.Get("new-connection-detected").Index;
        NewProtocol = c.Get("new-protocol-detected").Index;
        NewFunction = c.Get("new-function-code").Index;
        Programming = c.Get("unauthorized-plc-programming").Index;
        ProgramUpload = c.Get("unauthorized-plc-program-upload").Index;
        ConfigurationWrite = c.Get("unauthorized-plc-configuration-write").Index;
        ConfigurationRead = c.Get("unauthorized-plc-configuration-read").Index;
        ControlCommand = c.Get("unauthorized-control-command").Index;
        FirmwareChange = c.Get("firmware-change-detected").Index;
        FirmwareVersionChanged = c.Get("firmware-version-changed").Index;
        InternetAccess = c.Get("internet-access-detected").Index;
        InternetConnectivity = c.Get("unauthorized-internet-connectivity").Index;
        S7Stop = c.Get("s7-stop-plc").Index;
        ControllerStop = c.Get("controller-stop").Index;
        SrtpStop = c.Get("srtp-stop-plc").Index;
        ControllerReset = c.Get("controller-reset").Index;
        ModeChanged = c.Get("plc-operating-mode-changed").Index;
        OutstationRestarted = c.Get("outstation-restarted").Index;
        ProfinetFactoryReset = c.Get("profinet-device-factory-reset").Index;
        ProgramDownloadSeen = c.Get("plc-program-download").Index;
        ProgramUploadSeen = c.Get("plc-program-upload").Index;
        FirmwareUpdate = c.Get("firmware-update").Index;
        TimeChanged = c.Get("device-time-changed").Index;
        Unresponsive = c.Get("device-unresponsive").Index;
        ModbusUnresponsive = c.Get("modbus-unresponsive").Index;
        NoTraffic = c.Get("no-traffic-on-sensor-interface").Index;
        TrafficResumed = c.Get("traffic-on-sensor-interface").Index;
        ModbusException = c.Get("modbus-exception").Index;
        ModbusIllegalFunction = c.Get("modbus-illegal-function").Index;
        ModbusIllegalDataAddress = c.Get("modbus-illegal-data-address").Index;
        ModbusIllegalDataValue = c.Get("modbus-illegal-data-value").Index;
        AddressScan = c.Get("address-scan").Index;
        ArpScan = c.Get("arp-address-scan").Index;
        PortScan = c.Get("port-scan").Index;
        PlcScan = c.Get("plc-scan").Index;
        ExcessiveSessions = c.Get("excessive-sessions").Index;
        ExcessiveLogins = c.Get("excessive-login-attempts").Index;
        PasswordGuessing = c.Get("password-guessing").Index;
        ExceptionPattern = c.Get("abnormal-exception-pattern").Index;
        PeriodicBehavior = c.Get("abnormal-periodic-behavior").Index;
        Bandwidth = c.Get("abnormal-bandwidth").Index;
        FtpLoginFailed = c.Get("ftp-login-failed").Index;
        UnauthorizedHttp = c.Get("unauthorized-http-activity").Index;
        HttpClientError = c.Get("http-client-error").Index;
        KnownMaliciousIp = c.Get("known-malicious-ip").Index;
        MaliciousDomain = c.Get("malicious-domain").Index;
        Industroyer = c.Get("industroyer-iec104-sweep").Index;
        Triton = c.Get("triton-tristation").Index;
        CipRequestFailed = c.Get("enip-cip-request-failed").Index;
        MmsRequestFailed = c.Get("mms-request-failed").Index;
        OpcUaRequestFailed = c.Get("opcua-request-failed").Index;
        BacnetOperationFailed = c.Get("bacnet-operation-failed").Index;

        Array.Fill(FunctionByProtocol, NewFunction);
        Array.Fill(FirmwareByProtocol, -1);
        Set(ProtocolId.Modbus, "modbus-function-code");
        Set(ProtocolId.Umas, "modbus-function-code");
        Set(ProtocolId.Dnp3, "dnp3-function-code");
        Set(ProtocolId.Iec104, "iec104-asdu-type");
        Set(ProtocolId.Cip, "cip-class-service");
        Set(ProtocolId.Enip, "enip-command");
        Set(ProtocolId.Mms, "mms-service");
        Set(ProtocolId.Bacnet, "bacnet-object-access");
        Set(ProtocolId.OpcUa, "opcua-request");
        Set(ProtocolId.S7CommPlus, "s7plus-operation");
        Set(ProtocolId.S7Comm, "s7-control-function");
        Set(ProtocolId.Fins, "fins-command");
        Set(ProtocolId.Melsec, "melsec-command");
        Set(ProtocolId.Srtp, "srtp-command");
        Set(ProtocolId.Ads, "ams-command");
        Set(ProtocolId.Snmp, "snmp-operation");
        Set(ProtocolId.ProfinetDcp, "profinet-frame-type");
        Set(ProtocolId.Goose, "goose-message-type");
        Set(ProtocolId.SampledValues, "sv-message-type");
        FirmwareByProtocol[(int)ProtocolId.Modbus] = c.Get("modbus-firmware-version-changed").Index;
        FirmwareByProtocol[(int)ProtocolId.S7CommPlus] = c.Get("s7plus-firmware-changed").Index;
        FirmwareByProtocol[(int)ProtocolId.Melsec] = c.Get("mitsubishi-firmware-version-changed").Index;
        FirmwareByProtocol[(int)ProtocolId.Ads] = c.Get("beckhoff-software-changed").Index;

        void Set(ProtocolId protocol, string id) => FunctionByProtocol[(int)protocol] = c.Get(id).Index;
    }

    public int NewAsset { get; }
    public int NewConnection { get; }
    public int NewProtocol { get; }
    public int NewFunction { get; }
    public int Programming { get; }
    public int ProgramUpload { get; }
    public int ConfigurationWrite { get; }
    public int ConfigurationRead { get; }
    public int ControlCommand { get; }
    public int FirmwareChange { get; }
    public int FirmwareVersionChanged { get; }
    public int InternetAccess { get; }
    public int InternetConnectivity { get; }
    public int S7Stop { get; }
    public int ControllerStop { get; }
    public int SrtpStop { get; }
    public int ControllerReset { get; }
    public int ModeChanged { get; }
    public int OutstationRestarted { get; }
    public int ProfinetFactoryReset { get; }
    public int ProgramDownloadSeen { get; }
    public int ProgramUploadSeen { get; }
    public int FirmwareUpdate { get; }
    public int TimeChanged { get; }
    public int Unresponsive { get; }
    public int ModbusUnresponsive { get; }
    public int NoTraffic { get; }
    public int TrafficResumed { get; }
    public int ModbusException { get; }
    public int ModbusIllegalFunction { get; }
    public int ModbusIllegalDataAddress { get; }
    public int ModbusIllegalDataValue { get; }
    public int AddressScan { get; }
    public int ArpScan { get; }
    public int PortScan { get; }
    public int PlcScan { get; }
    public int ExcessiveSessions { get; }
    public int ExcessiveLogins { get; }
    public int PasswordGuessing { get; }
    public int ExceptionPattern { get; }
    public int PeriodicBehavior { get; }
    public int Bandwidth { get; }
    public int FtpLoginFailed { get; }
    public int UnauthorizedHttp { get; }
    public int HttpClientError { get; }
    public int KnownMaliciousIp { get; }
    public int MaliciousDomain { get; }
    public int Industroyer { get; }
    public int Triton { get; }
    public int CipRequestFailed { get; }
    public int MmsRequestFailed { get; }
    public int OpcUaRequestFailed { get; }
    public int BacnetOperationFailed { get; }

    /// <summary>The "new function code between a pair" type for each protocol.</summary>
    public int[] FunctionByProtocol { get; } = new int[256];

    /// <summary>The protocol-specific "firmware version changed" type, or -1.</summary>
    public int[] FirmwareByProtocol { get; } = new int[256];
}
