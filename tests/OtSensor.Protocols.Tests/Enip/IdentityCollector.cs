using System.Text;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Tests.Enip;

/// <summary>Keeps the last value stated for each identity field, as text.</summary>
internal sealed class IdentityCollector : IIdentityReceiver
{
    public Dictionary<IdentityField, string> Values { get; } = [];

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source) => Values[field] = Encoding.UTF8.GetString(value);
}
