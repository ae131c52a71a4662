using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Demand;

/// <summary>
/// Writes the sums of <see cref="UnmetSearchRecorder"/> every <see cref="DemandOptions.FlushInterval"/> and at shutdown:
/// one relative UPDATE per search (Count + n), or an INSERT the first time (<see cref="RelativeUpsert"/>).
/// </summary>
public sealed class UnmetSearchFlusher(UnmetSearchRecorder recorder, IServiceScopeFactory scopes, IOptions<DemandOptions> options,
    ILogger<UnmetSearchFlusher> log) : PeriodicJob(log, TimeProvider.System)
{
    private readonly ILogger<UnmetSearchFlusher> _log = log;

    protected override TimeSpan Interval => options.Value.FlushInterval;
    protected override bool RunAtStop => true;
    protected override bool RunAtStart => false; // nothing has been recorded yet
    protected override string Subject => "Writing zero-result searches";

    protected override Task RunOnceAsync(CancellationToken ct) => FlushAsync(ct);

    /// <summary>Writes every pending sum now; returns how many searches were written.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        var sums = recorder.Take();
        if (sums.Count == 0) return 0;
        var written = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var sum in sums)
        {
            try
            {
                await AddAsync(db, sum, ct);
                written += sum.Count;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                db.ChangeTracker.Clear();
                recorder.Return(sum);
                _log.LogWarning(e, "Could not write {Count} zero-result searches; retrying at the next flush", sum.Count);
            }
        }
        return written;
    }

    private static async Task AddAsync(PortalDbContext db, UnmetSearchSum sum, CancellationToken ct)
    {
        await RelativeUpsert.AddAsync(db,
            () => db.UnmetSearches
                .Where(s => s.Query == sum.Query && s.Culture == sum.Culture && s.Filters == sum.Filters)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Count, x => x.Count + sum.Count)
                    .SetProperty(x => x.LastSeenAt, sum.LastSeenAt), ct),
            () => Task.FromResult<UnmetSearch?>(new UnmetSearch
            {
                Query = sum.Query, Culture = sum.Culture, Filters = sum.Filters, Count = sum.Count,
                FirstSeenAt = sum.FirstSeenAt, LastSeenAt = sum.LastSeenAt,
            }), ct);
    }
}
