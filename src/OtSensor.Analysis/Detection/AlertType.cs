namespace OtSensor.Analysis.Detection;

/// <summary>
/// One row of the alert catalogue (<c>alert-catalogue.json</c>): what the alert is called, which engine raises it,
/// how severe it is, how its message reads, what to do about it and how it is tuned.
/// </summary>
/// <remarks>
/// <see cref="Title"/> is the sensor's own title (sensor-reference §3.2–3.6) when <see cref="IsSensorTitle"/>;
/// otherwise the behaviour has no sensor counterpart and the title is ours.
/// </remarks>
public sealed class AlertType
{
    internal AlertType(int index, string id, string title, bool isSensorTitle, AlertEngine engine, AlertSeverity severity, string category,
        MessageTemplate message, IReadOnlyList<MitreTechnique> mitre, IReadOnlyList<string> remediation, AlertThresholds thresholds, bool enabled)
    {
        Index = index;
        Id = id;
        Title = title;
        IsSensorTitle = isSensorTitle;
        Engine = engine;
        Severity = severity;
        Category = category;
        Message = message;
        Mitre = mitre;
        Remediation = remediation;
        Thresholds = thresholds;
        Enabled = enabled;
    }

    /// <summary>Position in the catalogue: the detection engines hold types by index, never by name, on the hot path.</summary>
    public int Index { get; }
    public string Id { get; }
    public string Title { get; }
    public bool IsSensorTitle { get; }
    public AlertEngine Engine { get; }
    public AlertSeverity Severity { get; }
    /// <summary>The sensor's alert group (sensor-reference §3.1 "categories"), forwarded as <c>cat</c>.</summary>
    public string Category { get; }
    public MessageTemplate Message { get; }
    public IReadOnlyList<MitreTechnique> Mitre { get; }
    /// <summary>Remediation steps; they may use the message placeholders.</summary>
    public IReadOnlyList<MessageTemplate> RemediationTemplates => _remediationTemplates ??= Compile(Remediation);
    public IReadOnlyList<string> Remediation { get; }
    public AlertThresholds Thresholds { get; }
    public bool Enabled { get; }

    private IReadOnlyList<MessageTemplate>? _remediationTemplates;

    private static MessageTemplate[] Compile(IReadOnlyList<string> steps)
    {
        var templates = new MessageTemplate[steps.Count];
        for (int i = 0; i < steps.Count; i++) templates[i] = MessageTemplate.TryParse(steps[i], out _)!;
        return templates;
    }

    public override string ToString() => Id;
}
