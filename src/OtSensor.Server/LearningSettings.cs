using System.Globalization;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>The learning setting kept in the store: whether captures played are learned from, and for how long (capture time).</summary>
internal sealed record LearningSettings(bool Learning, long LearningWindowSeconds)
{
    public const long DefaultWindowSeconds = 60;

    public static LearningSettings Load(SensorStore store)
    {
        bool learning = store.GetSetting("learning") is not { } l || l == "true";
        long window = long.TryParse(store.GetSetting("learningWindowSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : DefaultWindowSeconds;
        return new LearningSettings(learning, window);
    }

    public void Save(SensorStore store)
    {
        store.SetSetting("learning", Learning ? "true" : "false");
        store.SetSetting("learningWindowSeconds", LearningWindowSeconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The learning window a run uses: the setting's window when learning, else none.</summary>
    public TimeSpan Window => Learning ? TimeSpan.FromSeconds(LearningWindowSeconds) : TimeSpan.Zero;
}
