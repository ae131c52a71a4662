using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Investing;

/// <summary>Checks for due digests every hour (the first check soon after start, so a restart does not skip a day).</summary>
public sealed class AlertDigestService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AlertDigestService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<AlertDigest>().RunAsync(stoppingToken);
                    if (sent > 0) log.LogInformation("Queued {Count} saved-search digests.", sent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down; nothing was marked sent, so the next check picks it up.
                    log.LogError(ex, "Saved-search digest check failed; retrying in {Interval}.", Interval);
                }
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
