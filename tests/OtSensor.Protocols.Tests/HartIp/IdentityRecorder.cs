using System.Text;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Tests.HartIp;

/// <summary>Keeps the identity statements a message reports, as text.</summary>
internal sealed class IdentityRecorder : IIdentityReceiver
{
    public Dictionary<IdentityField, string> Values { get; } = [];

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source) => Values[field] = Encoding.Latin1.GetString(value);
}
