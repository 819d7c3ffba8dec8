using System.Numerics;
using System.Text.Json;

namespace OtSensor.Core.Protocols;

/// <summary>Writes a message's anomaly names and its protocol-specific fields into an open JSON object.</summary>
public static class PduDetails
{
    private static readonly JsonEncodedText AnomaliesKey = JsonEncodedText.Encode("anomalies");

    public static void Write<TMessage>(Utf8JsonWriter writer, in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        writer.WriteStartArray(AnomaliesKey);
        ulong bits = message.Anomalies;
        while (bits != 0)
        {
            writer.WriteStringValue(message.AnomalyName(BitOperations.TrailingZeroCount(bits)));
            bits &= bits - 1;
        }
        writer.WriteEndArray();
        message.WriteDetails(writer);
    }
}
