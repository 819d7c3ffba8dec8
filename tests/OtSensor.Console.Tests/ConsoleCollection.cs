namespace OtSensor.Console.Tests;

/// <summary>One server and one browser for every console test (starting them is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleServer>
{
    public const string Name = "console";
}
