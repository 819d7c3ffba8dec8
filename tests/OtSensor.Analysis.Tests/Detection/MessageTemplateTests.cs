using OtSensor.Analysis.Detection;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Tests.Detection;

public sealed class MessageTemplateTests
{
    [Fact]
    public void Render_FillsEveryNamedPlaceholder()
    {
        var template = MessageTemplate.TryParse("{source} sent {protocol} {function} ({functionCode}, {operation}) to {destination}:{port}, {count} times in {window}", out var error)!;
        Assert.Null(error);
        var arguments = AlertArguments.Of(ProtocolId.Modbus, 6, "Write Single Register", OtOperation.Write, 502);
        Assert.Equal("10.0.0.5 sent modbus Write Single Register (6, write) to 10.0.0.9:502, 3 times in 10 min",
            template.Render("10.0.0.5", "10.0.0.9", in arguments, 3, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Render_UnnamedFunction_ShowsItsCode()
    {
        var template = MessageTemplate.TryParse("{function}; {value} was {previous}", out _)!;
        var arguments = AlertArguments.Of(ProtocolId.Dnp3, 13, null, OtOperation.Restart, 20000) with { Value = "2.1", Previous = "2.0" };
        Assert.Equal("function 13; 2.1 was 2.0", template.Render("", "", in arguments, 1, TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("{sourceIp} did it", "unknown placeholder {sourceIp}")]
    [InlineData("{source did it", "unclosed '{'")]
    public void TryParse_BadTemplate_SaysWhy(string text, string expected)
    {
        Assert.Null(MessageTemplate.TryParse(text, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
