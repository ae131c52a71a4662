using InvestPortal.Data;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Landing;

/// <summary>Runs <see cref="ReplyReminders"/> every <see cref="ReplyTimesOptions.CheckInterval"/>.</summary>
public sealed class ReplyReminderService(IServiceScopeFactory scopes, IOptions<ReplyTimesOptions> options, TimeProvider clock,
    ILogger<ReplyReminderService> log) : PeriodicJob(log, clock)
{
    protected override TimeSpan Interval => options.Value.CheckInterval;
    protected override TimeSpan InitialDelay => options.Value.InitialDelay;
    protected override bool Enabled => options.Value.Enabled;
    // A failed pass (database restarting) is retried at the next interval; nothing was half-done.
    protected override string Subject => "Reply reminder pass";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReplyReminders>().RunOnceAsync(ct);
    }
}
