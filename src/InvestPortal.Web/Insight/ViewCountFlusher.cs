using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Insight;

/// <summary>
/// Writes the views <see cref="ViewCounter"/> summed: one UPDATE of the listing's total and one upsert
/// of the day's row per listing and day, every <see cref="InsightOptions.ViewFlushInterval"/> and once
/// more at shutdown. Increments are relative (ViewCount + n), so several nodes can flush at once.
/// </summary>
public sealed class ViewCountFlusher(ViewCounter counter, IServiceScopeFactory scopes, IOptions<InsightOptions> options,
    ILogger<ViewCountFlusher> log) : PeriodicJob(log, TimeProvider.System)
{
    private readonly ILogger<ViewCountFlusher> _log = log;

    protected override TimeSpan Interval => options.Value.ViewFlushInterval;
    protected override bool RunAtStop => true;
    protected override bool RunAtStart => false; // nothing has been counted yet
    protected override string Subject => "Writing counted views";

    protected override Task RunOnceAsync(CancellationToken ct) => FlushAsync(ct);

    /// <summary>Writes every pending sum now; returns how many views were written.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        await FlushLanguageDemandAsync(ct);
        var items = counter.Take();
        if (items.Count == 0) return 0;
        var written = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var item in items)
        {
            try
            {
                var (id, day, views) = item;
                // Total and day row together: a half-written item put back would be counted twice.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var found = await db.Opportunities.Where(o => o.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.ViewCount, o => o.ViewCount + views), ct);
                if (found == 0) continue; // deleted since it was viewed
                await DailyStats.AddAsync(db, id, day, views: views, ct: ct);
                await tx.CommitAsync(ct);
                written += views;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is unavailable: keep the sums for the next flush instead of losing them.
                db.ChangeTracker.Clear();
                counter.Return(item);
                _log.LogWarning(e, "Could not write {Views} views of {Opportunity}; retrying at the next flush", item.Views, item.Opportunity);
            }
        }
        return written;
    }

    /// <summary>Readers who found no text in their language: one upsert per listing, month and language.</summary>
    private async Task FlushLanguageDemandAsync(CancellationToken ct)
    {
        var items = counter.TakeMissing();
        if (items.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var item in items)
        {
            try
            {
                await LanguageDemandStats.AddAsync(db, item.Opportunity, item.Month, item.Culture, item.Readers, ct);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                db.ChangeTracker.Clear();
                counter.ReturnMissing(item);
                _log.LogWarning(e, "Could not write translation demand of {Opportunity}; retrying at the next flush", item.Opportunity);
            }
        }
    }
}
