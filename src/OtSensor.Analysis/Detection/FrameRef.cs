namespace OtSensor.Analysis.Detection;

/// <summary>
/// A captured frame an alert rests on: which input of the run (0-based, in the order read) and its frame number in it
/// (1-based). Alert PCAPs are cut afterwards by reading these frames again, so the hot path copies no frame bytes.
/// </summary>
public readonly record struct FrameRef(int Input, long Frame)
{
    public bool IsNone => Frame <= 0;
}
