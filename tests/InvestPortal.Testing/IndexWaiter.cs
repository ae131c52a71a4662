using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.Testing;

public static class IndexWaiter
{
    /// <summary>
    /// Waits until the running portal's search index holds every published opportunity and public
    /// profile (the start-up rebuild and the "index" outbox messages run in the background).
    /// </summary>
    public static async Task WaitForIndexAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        string state = "";
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<ISearchEngine>();
            var published = await db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published);
            var profiles = await db.InvestorProfiles.CountAsync(p => p.Visibility == ProfileVisibility.Public);
            var health = await engine.GetHealthAsync();
            state = $"index {health.Opportunities}/{published} opportunities, {health.Investors}/{profiles} profiles, needs rebuild {health.NeedsRebuild}";
            if (!health.NeedsRebuild && health.Opportunities == published && health.Investors == profiles) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"The search index did not catch up: {state}");
    }
}
