namespace OtSensor.Protocols.ProfinetCm;

/// <summary>PNIO-CM operation numbers (IEC 61158-6-10 §4.10.2.2, RPC operations of the PNIO interfaces).</summary>
public enum PnioCmOpnum : ushort
{
    Connect = 0,
    Release = 1,
    Read = 2,
    Write = 3,
    Control = 4,
    ReadImplicit = 5,
}
