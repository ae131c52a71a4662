using InvestPortal.Data;
using InvestPortal.Notifications;
using InvestPortal.Search;
using InvestPortal.Web.Commands;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Telemetry;

var builder = WebApplication.CreateBuilder(args);
var isCommand = PortalCommands.Prepare(builder, args);
builder.AddPortalData();
builder.AddPortalSearch();
builder.AddPortalNotifications();
builder.AddPortalWeb();
builder.AddPortalTelemetry();

var app = builder.Build();
if (isCommand) return await PortalCommands.RunAsync(app.Services, args);

await app.InitializePortalAsync();
app.UsePortalPipeline();
app.MapPortalEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
