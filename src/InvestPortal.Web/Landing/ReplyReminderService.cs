using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Landing;

/// <summary>Runs <see cref="ReplyReminders"/> every <see cref="ReplyTimesOptions.CheckInterval"/>.</summary>
public sealed class ReplyReminderService(IServiceScopeFactory scopes, IOptions<ReplyTimesOptions> options, TimeProvider clock,
    ILogger<ReplyReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            await Task.Delay(options.Value.InitialDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ReplyReminders>().RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed pass (database restarting) is retried at the next interval; nothing was half-done.
                    log.LogError(e, "Reply reminder pass failed");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
