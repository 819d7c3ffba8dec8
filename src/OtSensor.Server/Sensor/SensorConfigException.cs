namespace OtSensor.Server.Sensor;

/// <summary>The sensor's configuration file is unusable; <see cref="Exception.Message"/> is one line naming the key.</summary>
public sealed class SensorConfigException : Exception
{
    public SensorConfigException() { }

    public SensorConfigException(string message) : base(message) { }

    public SensorConfigException(string message, Exception innerException) : base(message, innerException) { }
}
