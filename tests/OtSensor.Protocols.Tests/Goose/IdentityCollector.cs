using System.Text;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Tests.Goose;

/// <summary>Collects identity statements as text.</summary>
internal sealed class IdentityCollector : IIdentityReceiver
{
    public List<(IdentityField Field, string Value)> Identities { get; } = [];

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source) => Identities.Add((field, Encoding.ASCII.GetString(value)));
}
