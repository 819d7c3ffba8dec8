using System.CommandLine;
using OtSensor.Cli;

var root = new RootCommand("OtSensor: a passive OT network sensor. Decodes industrial protocols from captures into events, devices and connections.");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(InventoryCommand.Create());
root.Subcommands.Add(CaptureCommand.Create());
root.Subcommands.Add(ForwardCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(SensorCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.CommandResult.Command != root || parse.Errors.Count > 0 && args.Length > 0)
{
    Console.Error.WriteLine($"otsensor: {parse.Errors[0].Message} (see 'otsensor --help')");
    return ExitCodes.BadUsage;
}
return parse.Invoke();
