using InvestPortal.Data;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Investing;

/// <summary>Checks for due digests every <see cref="AlertOptions.DigestCheckInterval"/> (the first check soon after start).</summary>
public sealed class AlertDigestService(IServiceScopeFactory scopes, IOptions<AlertOptions> options, TimeProvider clock,
    ILogger<AlertDigestService> log) : PeriodicJob(log, clock)
{
    private readonly ILogger<AlertDigestService> _log = log;

    protected override TimeSpan Interval => options.Value.DigestCheckInterval;
    protected override TimeSpan InitialDelay => options.Value.DigestInitialDelay;
    protected override string Subject => "Saved-search digest check";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        // The database may be down; nothing is marked sent then, so the next check picks it up.
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<AlertDigest>().RunAsync(ct);
        if (sent > 0) _log.LogInformation("Queued {Count} saved-search digests.", sent);
    }
}
