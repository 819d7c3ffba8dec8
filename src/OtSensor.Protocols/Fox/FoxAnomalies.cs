namespace OtSensor.Protocols.Fox;

/// <summary>What was wrong with one Fox message. Names come from <see cref="FoxMessage.AnomalyName"/>.</summary>
[Flags]
public enum FoxAnomalies : ulong
{
    None = 0,

    /// <summary>The header line is not "fox a &lt;int&gt; &lt;int&gt; &lt;channel&gt; &lt;command&gt;".</summary>
    MalformedHeader = 1UL << 0,

    /// <summary>A body line is not "key=type:value".</summary>
    MalformedField = 1UL << 1,
}
