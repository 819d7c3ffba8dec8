namespace OtSensor.Server.Tests;

/// <summary>One server shared by the API tests, loaded with the demo capture and played to the end.</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(captures: RepoFiles.DemoCapture);
        using var admin = await Server.AdminAsync();
        await Server.WaitForCapturesAsync(admin);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
