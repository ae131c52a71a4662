using InvestPortal.Data;
using InvestPortal.Notifications;
using InvestPortal.Search;
using InvestPortal.Web.Commands;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace InvestPortal.IntegrationTests.Operations;

/// <summary>A command as the executable runs it (Program.cs: Prepare, the same registrations, then RunAsync), in a host of its own.</summary>
public static class CommandHost
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, EnvironmentName = "Testing", ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        PortalCommands.Prepare(builder, args);
        builder.AddPortalData();
        builder.AddPortalSearch();
        builder.AddPortalNotifications();
        builder.AddPortalWeb();
        await using var app = builder.Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PortalCommands.RunAsync(app.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
