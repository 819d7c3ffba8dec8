using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>One entry of the event timeline beside the alerts (sensor-reference §9.2 <c>/api/v1/events</c>).</summary>
/// <param name="Time">Capture time of the event.</param>
/// <param name="Type">The API event type.</param>
/// <param name="Content">Human text, e.g. "Program update detected, sent from 10.2.1.25 to 10.2.1.14".</param>
/// <param name="Source">The device the event is about, or that acted.</param>
/// <param name="Destination">The device acted upon, when there is one.</param>
/// <param name="AlertId">The alert the event reports or accompanies; 0 when none.</param>
public sealed record TimelineEvent(Timestamp Time, TimelineEventType Type, string Content, AlertEndpoint Source, AlertEndpoint Destination, int AlertId);
