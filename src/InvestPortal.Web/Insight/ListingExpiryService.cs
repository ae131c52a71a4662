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
    ILogger<ListingExpiryService> log) : PeriodicJob(log, clock)
{
    protected override TimeSpan Interval => options.Value.CheckInterval;
    protected override TimeSpan InitialDelay => options.Value.InitialDelay;
    protected override bool Enabled => options.Value.ExpiryEnabled;
    protected override string Subject => "Listing expiry pass";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ListingExpiry>().RunOnceAsync(ct);
    }
}
