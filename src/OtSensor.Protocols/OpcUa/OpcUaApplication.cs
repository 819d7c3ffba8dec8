namespace OtSensor.Protocols.OpcUa;

/// <summary>The identifying part of an ApplicationDescription (Part 4 §7.1), as ranges of the message body.</summary>
public readonly record struct OpcUaApplication(OpcUaRange ApplicationUri, OpcUaRange ProductUri, OpcUaRange ApplicationName, int ApplicationType);
