using OtSensor.Throughput;

// otsensor-throughput make-capture --kind modbus|public|plant --size-mb N --out FILE [--shared DIR]
if (args.Length == 0 || args[0] != "make-capture")
{
    Console.Error.WriteLine("usage: otsensor-throughput make-capture --kind modbus|public|plant --size-mb N --out FILE [--shared DIR]");
    return 2;
}
string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
var kind = Arg("--kind") ?? "modbus";
var output = Arg("--out");
if (output is null || !long.TryParse(Arg("--size-mb") ?? "1024", out long sizeMb) || sizeMb <= 0)
{
    Console.Error.WriteLine("make-capture: --out FILE and a positive --size-mb are required");
    return 2;
}
long target = sizeMb * 1_000_000;
var stats = kind switch
{
    "modbus" => LargeCaptureBuilder.BuildModbus(output, target),
    "public" => LargeCaptureBuilder.BuildFromPublic(output, target, Arg("--shared") ?? Path.Combine("..", "shared", "pcaps", "public")),
    "plant" => LargeCaptureBuilder.BuildPlant(output, target),
    _ => throw new ArgumentException($"unknown --kind '{kind}' (modbus, public or plant)"),
};
Console.WriteLine($"{output}: {stats.Bytes:N0} bytes, {stats.Frames:N0} frames, {stats.Tiles:N0} tiles");
return 0;
