using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Insight;

/// <summary>Runs <see cref="ListingExpiry"/> every <see cref="ListingsOptions.CheckInterval"/>.</summary>
public sealed class ListingExpiryService(IServiceScopeFactory scopes, IOptions<ListingsOptions> options, TimeProvider clock,
    ILogger<ListingExpiryService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ExpiryEnabled) return;
        try
        {
            await Task.Delay(options.Value.InitialDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ListingExpiry>().RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed pass (database restarting) is retried at the next interval; nothing was half-done.
                    log.LogError(e, "Listing expiry pass failed");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
