using InvestPortal.Data;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Translations;

/// <summary>Runs <see cref="TranslationRequestDigest"/> every <see cref="TranslationsOptions.DigestInterval"/>; safe on several nodes.</summary>
public sealed class TranslationDigestService(IServiceScopeFactory scopes, IOptions<TranslationsOptions> options, TimeProvider clock,
    ILogger<TranslationDigestService> log) : PeriodicJob(log, clock)
{
    private readonly ILogger<TranslationDigestService> _log = log;

    protected override TimeSpan Interval => options.Value.DigestInterval;
    protected override TimeSpan InitialDelay => options.Value.DigestInitialDelay;
    protected override string Subject => "Translation-request digest check";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        // The database may be down; nothing was marked told then, so the next check picks it up.
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<TranslationRequestDigest>().RunAsync(ct);
        if (sent > 0) _log.LogInformation("Queued {Count} translation-request digests.", sent);
    }
}
