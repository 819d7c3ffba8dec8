namespace OtSensor.Protocols.Dnp3;

/// <summary>Kinds of objects an application fragment carries, found while walking its object headers.</summary>
[Flags]
public enum Dnp3Content : ushort
{
    None = 0,

    /// <summary>Binary output commands: CROB (g12v1), pattern control block (g12v2), pattern mask (g12v3).</summary>
    BinaryOutputCommand = 1 << 0,

    /// <summary>Analog output blocks (g41).</summary>
    AnalogOutput = 1 << 1,

    /// <summary>Absolute time (g50v1, v3, v4) or time and interval (g50v2).</summary>
    TimeAndDate = 1 << 2,

    /// <summary>Time delay (g52), as returned by delay measurement and restarts.</summary>
    TimeDelay = 1 << 3,

    /// <summary>Device attributes (g0).</summary>
    DeviceAttributes = 1 << 4,

    /// <summary>File control objects (g70).</summary>
    FileControl = 1 << 5,

    /// <summary>Secure Authentication objects (g120).</summary>
    SecureAuthentication = 1 << 6,

    /// <summary>Internal indications (g80), e.g. a write clearing DEVICE_RESTART.</summary>
    InternalIndications = 1 << 7,

    /// <summary>Class data (g60).</summary>
    ClassData = 1 << 8,

    /// <summary>Octet strings and virtual terminal objects (g110–g113).</summary>
    OctetString = 1 << 9,

    /// <summary>Application identifiers (g90), named by initialize/start/stop application.</summary>
    ApplicationIdentifier = 1 << 10,

    /// <summary>Device attributes stating identity (software version, names, serial) with their values.</summary>
    Identity = 1 << 11,
}
