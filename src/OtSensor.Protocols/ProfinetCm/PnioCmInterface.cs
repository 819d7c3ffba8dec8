namespace OtSensor.Protocols.ProfinetCm;

/// <summary>The DCE/RPC interface a PNIO-CM call addresses (IEC 61158-6-10 §4.10.2.2, RPC interface UUIDs).</summary>
public enum PnioCmInterface : byte
{
    Unknown,

    /// <summary>DEA00001-6C97-11D1-8271-00A02442DF7D: PNIO device interface (served by IO devices).</summary>
    Device,

    /// <summary>DEA00002-…: PNIO controller interface (ApplicationReady from the device to the controller).</summary>
    Controller,

    /// <summary>DEA00003-…: PNIO supervisor interface.</summary>
    Supervisor,

    /// <summary>DEA00004-…: PNIO parameter server interface.</summary>
    ParameterServer,

    /// <summary>E1AF8308-5D1F-11C9-91A4-08002B14A0FA: the DCE/RPC endpoint mapper (lookups before a Connect).</summary>
    EndpointMapper,
}
