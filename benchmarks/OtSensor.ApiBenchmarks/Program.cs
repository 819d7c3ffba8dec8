// GET /api/v1/devices for a store of 10,000 devices, over real HTTPS to a running server (issue 8, Must show 5).
//
//   dotnet run -c Release --project benchmarks/OtSensor.ApiBenchmarks [-- --devices 10000 --requests 30]
//
// Fills a fresh store with synthetic devices (two addresses, a protocol, a firmware object and evidence each, as a
// PLC network looks after identification), starts `SensorServer` on 127.0.0.1 (HTTPS, self-signed certificate), warms
// up, then times sequential requests with an API token; prints min / median / p95 / max and the body size. Exit code 1
// when the median is 200 ms or more.
using System.Diagnostics;
using System.Globalization;
using OtSensor.Outputs.Store;
using OtSensor.Server;

int devices = 10_000, requests = 30;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--devices") devices = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    else if (args[i] == "--requests") requests = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
}

var directory = Directory.CreateTempSubdirectory("otsensor-api-bench-").FullName;
try
{
    string token;
    var fill = Stopwatch.StartNew();
    using (var store = SensorStore.Open(directory))
    {
        store.CreateUser("admin", Roles.Admin, PasswordHasher.Generate());
        token = store.CreateToken("benchmark", "admin", Roles.ReadOnly).Token;
        long run = store.BeginRun(null);
        store.WriteSnapshot(new AnalysisSnapshot { RunId = run, Devices = [.. Enumerable.Range(1, devices).Select(Device)] });
    }
    Console.WriteLine($"store: {devices:N0} devices written in {fill.ElapsedMilliseconds} ms");

    using (var store = SensorStore.Open(directory))
    {
        for (int i = 0; i < 3; i++) store.GetDevices(new DeviceQuery());
        var read = Stopwatch.StartNew();
        for (int i = 0; i < 10; i++) store.GetDevices(new DeviceQuery());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: all devices read as records: {read.Elapsed.TotalMilliseconds / 10:0.0} ms"));
        var json = Stopwatch.StartNew();
        for (int i = 0; i < 10; i++) store.GetSensorDevicesJson(null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: the /api/v1/devices array composed by SQLite: {json.Elapsed.TotalMilliseconds / 10:0.0} ms"));
    }

    await using var server = SensorServer.Create(new ServerOptions { StoreDirectory = directory, Urls = ["https://127.0.0.1:0"] });
    await server.StartAsync();
    using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Subject == "CN=otsensor" };
    using var client = new HttpClient(handler) { BaseAddress = server.Addresses[0] };
    client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);

    long bytes = 0;
    for (int i = 0; i < 5; i++) bytes = (await client.GetByteArrayAsync("/api/v1/devices")).Length;
    // Cold: every request after a snapshot (the response cache invalidated), the case while a capture plays.
    var cold = await Time(client, requests, () => server.Store.WriteSnapshot(new AnalysisSnapshot { RunId = 1 }));
    // Warm: repeated polls with no snapshot in between (the response cache answers).
    var warm = await Time(client, requests, null);
    Report("cold (after a snapshot)", cold);
    Report("warm (cached body)", warm);
    await server.StopAsync();
    return cold[cold.Count / 2] < 200 ? 0 : 1;

    void Report(string what, List<double> times)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET /api/v1/devices, {devices:N0} devices, {bytes / 1024.0 / 1024.0:0.0} MiB, {what}: min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms, p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} ms, max {times[^1]:0.0} ms ({requests} requests, {Environment.ProcessorCount} cores)"));
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(directory, recursive: true); }
    catch (IOException) { }
}

static async Task<List<double>> Time(HttpClient client, int requests, Action? before)
{
    var times = new List<double>(requests);
    for (int i = 0; i < requests; i++)
    {
        before?.Invoke();
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/api/v1/devices", HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times;
}

static DeviceRecord Device(int i)
{
    var ip = string.Create(CultureInfo.InvariantCulture, $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}");
    var mac = string.Create(CultureInfo.InvariantCulture, $"00:80:f4:{i >> 16 & 255:x2}:{i >> 8 & 255:x2}:{i & 255:x2}");
    return new DeviceRecord
    {
        Id = i,
        Key = ip,
        Name = "PLC-" + i.ToString(CultureInfo.InvariantCulture),
        IpAddresses = [ip],
        MacAddresses = [mac],
        Vendor = "Schneider Electric",
        Type = "PLC",
        PurdueLevel = 1,
        Subnet = ip[..ip.LastIndexOf('.')] + ".0/24",
        FirstSeen = 1_700_000_000_000,
        LastSeen = 1_700_000_060_000 + i,
        PacketsSent = 100 + i,
        PacketsReceived = 100 + i,
        Model = "BMX P34 2020",
        FirmwareVersion = "2.7",
        Protocols = [new DeviceProtocolRecord(1, "MODBUS", "modbus", ["1"], ["slave"], "decoded", 95)],
        Firmware = [new DeviceFirmwareRecord(ip, "N/A", "N/A", "BMX P34 2020", "2.7", "N/A", "N/A", "N/A")],
        Evidence = [new DeviceEvidenceRecord("vendor", "Schneider Electric", "modbus", "device identification", 90)],
    };
}
