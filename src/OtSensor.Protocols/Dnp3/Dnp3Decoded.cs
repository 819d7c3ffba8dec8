using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Decoded fields of one application fragment, kept apart from the fragment bytes (which the message borrows).</summary>
internal struct Dnp3Decoded
{
    public Dnp3LinkHeader Link;
    public int LinkFrames;
    public bool HasFunction;
    public byte ApplicationControl;
    public byte Function;
    public bool HasIin;
    public ushort Iin;
    public int ObjectsOffset;
    public int ObjectCount;
    public long PointCount;
    public Dnp3Content Content;
    public bool Paired;
    public byte RequestFunction;
    public Dnp3Anomalies Anomalies;
    public OtOperation Operation;
}
