using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Forwarding.Tests;

public sealed class ForwardRuleTests
{
    [Fact]
    public void Matches_SeverityEngineProtocol_AllMustHold()
    {
        var rule = ForwardRule.TryCreate("major", ["policy violation"], ["MODBUS"], out var error)!;
        Assert.Null(error);
        var alert = TestAlerts.Make(1) with { Severity = "Major", Engine = "Policy Violation", Protocol = "modbus" };
        Assert.True(rule.Matches(alert));
        Assert.True(rule.Matches(alert with { Severity = "Critical" }));
        Assert.False(rule.Matches(alert with { Severity = "Minor" }));
        Assert.False(rule.Matches(alert with { Engine = "Anomaly" }));
        Assert.False(rule.Matches(alert with { Protocol = "dnp3" }));
        Assert.False(rule.Matches(alert with { Protocol = null }));
        Assert.True(ForwardRule.All.Matches(alert with { Severity = "Warning", Protocol = null }));
    }

    [Theory]
    [InlineData("Severe", "not a severity")]
    [InlineData(null, "not an engine")]
    public void TryCreate_UnknownValue_Reason(string? severity, string reason)
    {
        Assert.Null(ForwardRule.TryCreate(severity, severity is null ? ["Firewall"] : [], [], out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarder_Rule_OnlyMatchingAlertsQueuedRestCounted()
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        var rule = ForwardRule.TryCreate("Critical", [], [], out _)!;
        await using var forwarder = new AlertForwarder(outbox, [new NullSender()], new ForwarderOptions { Rule = rule });
        Assert.Equal(25, forwarder.EnqueueRange(Enumerable.Range(0, 100).Select(i => TestAlerts.Make(i))));
        Assert.Null(forwarder.Enqueue(TestAlerts.Make(1000, severity: "Minor")));
        Assert.Equal(76, forwarder.Counters.Filtered);
        Assert.All(outbox.Pending("null", 100), e => Assert.Equal("Critical", e.Alert.Severity));
    }

    private sealed class NullSender : IAlertSender
    {
        public string Name => "null";
        public Task<SendOutcome> SendAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) => Task.FromResult(new SendOutcome());
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
