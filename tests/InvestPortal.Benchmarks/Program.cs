using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using netDumbster.smtp;

// Search benchmarks (issue 4): dotnet run -c Release -- search [--scale 1] … (see Search/SearchBenchmark.cs and README).
// Load test data (issue 7): dotnet run -c Release -- web-seed DATAPATH [100000]; load.sh runs the rest.
if (args.Length > 0 && args[0] == "web-seed")
    return await InvestPortal.Benchmarks.Load.WebSeed.RunAsync(args[1..]);
// Import to searchable (issue 13): dotnet run -c Release -- import-file FILE [100000]; import.sh runs the rest.
if (args.Length > 0 && args[0] == "import-file")
    return InvestPortal.Benchmarks.Load.ImportFile.Run(args[1..]);
if (args.Length > 0 && args[0] == "search")
    return await InvestPortal.Benchmarks.Search.SearchBenchmark.RunAsync(args[1..]);

// Dispatcher throughput: N emails queued in SQLite, sent by one dispatcher to a local netDumbster
// SMTP server over MailKit. Usage: dotnet run -c Release -- [messages=2000] [batchSize=100]
var count = args.Length > 0 ? int.Parse(args[0]) : 2000;
var batchSize = args.Length > 1 ? int.Parse(args[1]) : 100;

var dataPath = Path.Combine(Path.GetTempPath(), $"investportal-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(dataPath);
var port = FreePort();
using var server = SimpleSmtpServer.Start(port);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dataPath });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["DataPath"] = dataPath,
    ["Demo:Load"] = "false",
    ["Mail:Transport"] = "Smtp",
    ["Mail:Smtp:Host"] = "127.0.0.1",
    ["Mail:Smtp:Port"] = port.ToString(),
    ["Outbox:Enabled"] = "false",
    ["Outbox:BatchSize"] = batchSize.ToString(),
});
builder.AddPortalData();
builder.AddPortalNotifications();
using var host = builder.Build();

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the portal runs it (DatabaseInitializer)
}
await host.StartAsync();

var queue = Stopwatch.StartNew();
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
    for (var i = 0; i < count; i++)
    {
        await notifier.QueueAsync(db, new EmailRequest
        {
            Template = EmailTemplates.OpportunityApproved, ToAddress = $"owner{i}@example.org", ToName = "Li Wei",
            Culture = Cultures.All[i % 3], UserId = $"user-{i}", IdempotencyKey = $"bench:{i}", LinkPath = $"my/opportunities/{i}",
            Values = new Dictionary<string, string> { ["opportunityTitle"] = $"Heihe timber processing park, phase {i}" },
        });
        if (i % 500 == 499) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
    }
    await db.SaveChangesAsync();
}
queue.Stop();

var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
var send = Stopwatch.StartNew();
var sent = 0;
while (sent < count)
{
    var n = await dispatcher.DispatchDueAsync();
    if (n == 0) break;
    sent += n;
}
send.Stop();
// netDumbster stores messages after replying; give its last handler a moment.
for (var i = 0; i < 50 && server.ReceivedEmailCount < count; i++) await Task.Delay(20);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"messages: {count}, batch size: {batchSize}, received by SMTP server: {server.ReceivedEmailCount}");
Console.WriteLine($"queue (render + insert): {queue.Elapsed.TotalSeconds:F2} s = {count / queue.Elapsed.TotalSeconds:F0} messages/s");
Console.WriteLine($"dispatch (claim + SMTP + mark): {send.Elapsed.TotalSeconds:F2} s = {sent / send.Elapsed.TotalSeconds:F0} messages/s");

await host.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try { Directory.Delete(dataPath, true); } catch (IOException) { }
return server.ReceivedEmailCount == count ? 0 : 1;

static int FreePort()
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    return ((IPEndPoint)l.LocalEndpoint).Port;
}
