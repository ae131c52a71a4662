using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Translations;

/// <summary>Runs <see cref="TranslationRequestDigest"/> every <see cref="TranslationsOptions.DigestInterval"/>; safe on several nodes.</summary>
public sealed class TranslationDigestService(IServiceScopeFactory scopes, IOptions<TranslationsOptions> options, TimeProvider clock,
    ILogger<TranslationDigestService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.DigestInitialDelay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<TranslationRequestDigest>().RunAsync(stoppingToken);
                    if (sent > 0) log.LogInformation("Queued {Count} translation-request digests.", sent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down; nothing was marked told, so the next check picks it up.
                    log.LogError(ex, "Translation-request digest check failed; retrying in {Interval}.", options.Value.DigestInterval);
                }
                await Task.Delay(options.Value.DigestInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
