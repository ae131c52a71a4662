using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Telemetry;
using InvestPortal.Data;
using InvestPortal.Notifications.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Notifications.Outbox;

/// <summary>
/// Sends what the outbox holds. Several dispatchers (one per web process) may share one database:
/// each claims due messages with a lease through a conditional UPDATE, which the database applies
/// to a row for one of them only, and re-reads what it actually got.
/// </summary>
/// <remarks>
/// Exactly-once: every attempt is recorded (Attempts + an "in flight" marker) and the lease renewed
/// before the handler runs; success is recorded right after it returns, even while stopping. What
/// remains is the moment between the side effect and that record: a process killed there leaves
/// the message Pending with the marker, and after the lease it is sent again under the same
/// idempotency key (for email the same Message-Id, which receiving systems use to drop the
/// duplicate; the pickup transport skips a file it already wrote). Nothing is lost either way.
/// </remarks>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IOptionsMonitor<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
    /// <summary>Starts the LastError of an attempt in progress; seeing it on a claimed message means its previous dispatcher died mid-send.</summary>
    public const string InFlightPrefix = "in flight:";

    private readonly SemaphoreSlim wake = new(0, 1);
    // The hosted loop and an admin's "send now" may call DispatchDueAsync at once; one pass at a
    // time keeps a claim (identified by this dispatcher's id) from being mixed up with another.
    private readonly SemaphoreSlim pass = new(1, 1);

    // When the message being handled started (UTC ticks), 0 between messages: the heartbeat stops renewing
    // leases once a handler has run past Outbox:HandlerTimeout, so a hung node's batch goes to another.
    private long handlingSince;

    /// <summary>Unique per dispatcher instance (so per process), stored in LockedBy.</summary>
    public string Id { get; } = NewId();

    /// <summary>Ends the current wait early, e.g. after a request queued an urgent email.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); }
            catch (SemaphoreFullException) { /* someone else woke it first */ }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            log.LogInformation("Outbox dispatcher disabled (Outbox:Enabled=false); another process must send the outbox.");
            return;
        }
        log.LogInformation("Outbox dispatcher {Id} started.", Id);
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be down; the messages are safe in it, so wait and try again.
                log.LogError(ex, "Outbox pass failed; retrying after {Interval}.", options.CurrentValue.PollInterval);
            }
            if (handled >= options.CurrentValue.BatchSize) continue; // a full batch: more are probably due
            try { await wake.WaitAsync(options.CurrentValue.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>
    /// One pass: claims up to BatchSize due messages of the kinds that have a handler and handles
    /// them one by one. Returns how many were attempted (sent or failed). Cancelling stops between
    /// messages and hands the unstarted rest back at once.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        await pass.WaitAsync(cancellationToken);
        try
        {
            return await DispatchOnceAsync(cancellationToken);
        }
        finally
        {
            pass.Release();
        }
    }

    private async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var handlers = new Dictionary<string, IOutboxHandler>(StringComparer.Ordinal);
        foreach (var handler in scope.ServiceProvider.GetServices<IOutboxHandler>())
            if (!handlers.TryAdd(handler.Kind, handler))
                throw new InvalidOperationException($"Two outbox handlers for kind '{handler.Kind}'.");
        if (handlers.Count == 0) return 0;

        var batch = await ClaimAsync(db, [.. handlers.Keys], o, cancellationToken);
        var attempted = 0;
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = batch.Count == 0 ? Task.CompletedTask : KeepLeasesAsync([.. batch.Select(m => m.Id)], o, stopHeartbeat.Token);
        try
        {
            foreach (var message in batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    await ReleaseAsync(db, batch.Skip(attempted).Select(m => m.Id).ToList());
                    cancellationToken.ThrowIfCancellationRequested();
                }
                var outcome = await ProcessAsync(db, handlers[message.Kind], message, o);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                attempted++;
            }
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
            foreach (var aware in handlers.Values.OfType<IOutboxBatchAware>())
            {
                try { await aware.BatchCompletedAsync(CancellationToken.None); }
                catch (Exception ex) { log.LogWarning(ex, "Closing the {Kind} handler after a batch failed.", ((IOutboxHandler)aware).Kind); }
            }
            // One line per batch, with counts: what an operator searches for; the per-message lines are warnings only.
            if (batch.Count > 0)
                log.LogInformation("Outbox batch: claimed {Claimed}, sent {Sent}, retrying {Retrying}, dead {Dead}, skipped {Skipped}, not started {NotStarted}.",
                    batch.Count, outcomes.GetValueOrDefault(Sent), outcomes.GetValueOrDefault(Retry), outcomes.GetValueOrDefault(Dead),
                    outcomes.GetValueOrDefault(Skipped), batch.Count - attempted);
        }
        return attempted;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(PortalDbContext db, List<string> kinds, OutboxOptions o, CancellationToken ct)
    {
        var now = Now();
        var until = Truncate(now + o.LeaseDuration);
        // Kinds without a handler are left alone: their feature's handler may run in a later version or another process.
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.AvailableAt <= now && kinds.Contains(m.Kind)
                        && (m.LockedUntil == null || m.LockedUntil <= now))
            .OrderBy(m => m.AvailableAt).Take(o.BatchSize).Select(m => m.Id).ToListAsync(ct);
        if (candidates.Count == 0) return [];

        // The same condition again inside the UPDATE: of two dispatchers racing for a row, the database
        // lets only the first through (PostgreSQL re-checks the WHERE after the row lock; SQLite serializes writers).
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Id).SetProperty(m => m.LockedUntil, until), ct);

        // Id + lease end identify this claim: a row another dispatcher won carries its own id.
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.LockedBy == Id && m.LockedUntil == until && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.AvailableAt).ToListAsync(ct);
    }

    private const string Sent = "sent", Retry = "retry", Dead = "dead", Skipped = "skipped";

    /// <summary>One message under its own span ("outbox.dispatch"); returns the outcome counted in the batch line and the metric.</summary>
    private async Task<string> ProcessAsync(PortalDbContext db, IOutboxHandler handler, OutboxMessage message, OutboxOptions o)
    {
        using var activity = PortalTelemetry.Source.StartActivity("outbox.dispatch");
        activity?.SetTag("outbox.kind", message.Kind);
        activity?.SetTag("outbox.message_id", message.Id.ToString());
        activity?.SetTag("outbox.attempt", message.Attempts + 1);
        var outcome = await ProcessCoreAsync(db, handler, message, o);
        activity?.SetTag(PortalTelemetry.Tags.Outcome, outcome);
        if (outcome is Retry or Dead) activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        PortalTelemetry.OutboxHandled.Add(1, new KeyValuePair<string, object?>(PortalTelemetry.Tags.Kind, message.Kind),
            new KeyValuePair<string, object?>(PortalTelemetry.Tags.Outcome, outcome));
        return outcome;
    }

    private async Task<string> ProcessCoreAsync(PortalDbContext db, IOutboxHandler handler, OutboxMessage message, OutboxOptions o)
    {
        // From here on no stopping token: an attempt that started is carried through and recorded,
        // bounded by the lease (a send that outlived it could overlap with another dispatcher's).
        var now = Now();
        var attempt = message.Attempts + 1;
        if (message.LastError?.StartsWith(InFlightPrefix, StringComparison.Ordinal) == true)
            log.LogWarning("Outbox message {Key}: the previous attempt ({Marker}) ended without a record; sending again under the same key.",
                message.IdempotencyKey, message.LastError);

        var marker = $"{InFlightPrefix} attempt {attempt} by {Id} since {now:O}";
        var stillOurs = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LockedBy == Id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockedUntil, Truncate(now + o.LeaseDuration))
                .SetProperty(m => m.LastError, marker), CancellationToken.None);
        if (stillOurs == 0)
        {
            log.LogInformation("Outbox message {Key} was taken over or discarded before its turn; skipped.", message.IdempotencyKey);
            return Skipped;
        }
        message.Attempts = attempt;

        using var deadline = new CancellationTokenSource(o.HandlerTimeout);
        Interlocked.Exchange(ref handlingSince, time.GetUtcNow().UtcTicks);
        try
        {
            await handler.HandleAsync(message, deadline.Token);
        }
        catch (Exception ex)
        {
            Interlocked.Exchange(ref handlingSince, 0);
            return await RecordFailureAsync(db, message, attempt, ex, o) ? Dead : Retry;
        }
        Interlocked.Exchange(ref handlingSince, 0);

        // Recorded whoever holds the lease now: it was sent, and a Pending → Sent change stops any other dispatcher's turn.
        var marked = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, Now())
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (marked == 0)
            log.LogWarning("Outbox message {Key} was sent but was no longer pending (discarded or sent by another dispatcher).", message.IdempotencyKey);
        return Sent;
    }

    /// <summary>Records a failed attempt; true when the message is now dead.</summary>
    private async Task<bool> RecordFailureAsync(PortalDbContext db, OutboxMessage message, int attempt, Exception ex, OutboxOptions o)
    {
        var dead = attempt >= o.MaxAttempts;
        var error = Describe(ex);
        var retryAt = Truncate(Now() + RetryDelay(attempt, o, Random.Shared.NextDouble()));
        await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LockedBy == Id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, dead ? OutboxStatus.Dead : OutboxStatus.Pending)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.AvailableAt, retryAt)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (dead) log.LogError(ex, "Outbox message {Key} is dead after {Attempts} attempts.", message.IdempotencyKey, attempt);
        else log.LogWarning("Outbox message {Key} failed (attempt {Attempt}), retrying at {RetryAt}: {Error}", message.IdempotencyKey, attempt, retryAt, error);
        return dead;
    }

    /// <summary>
    /// The heartbeat of a pass: every third of the lease, the leases of the batch's messages this dispatcher
    /// still holds are extended, so a short lease never expires under a live node working through a long
    /// message or a long batch (which would let a second node handle the same message). It runs on its own
    /// database context (the pass's is busy) and stops with the pass, or when the current handler has
    /// outrun Outbox:HandlerTimeout: a hung node must not hold its messages forever.
    /// </summary>
    private async Task KeepLeasesAsync(List<Guid> ids, OutboxOptions o, CancellationToken stop)
    {
        var interval = o.LeaseDuration / 3;
        while (true)
        {
            try { await Task.Delay(interval, time, stop); }
            catch (OperationCanceledException) { return; }
            var since = Interlocked.Read(ref handlingSince);
            if (since != 0 && time.GetUtcNow().UtcTicks - since > o.HandlerTimeout.Ticks)
            {
                log.LogError("Outbox dispatcher {Id}: a handler has run longer than {Timeout}; its leases are left to expire so another node takes over.", Id, o.HandlerTimeout);
                return;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var until = Truncate(Now() + o.LeaseDuration);
                await db.OutboxMessages
                    .Where(m => ids.Contains(m.Id) && m.LockedBy == Id && m.Status == OutboxStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // The database may be briefly away; the next beat tries again (the lease allows two misses).
                log.LogWarning(ex, "Outbox dispatcher {Id}: renewing leases failed.", Id);
            }
        }
    }

    /// <summary>Hands claimed but unstarted messages back so another dispatcher need not wait out the lease.</summary>
    private Task ReleaseAsync(PortalDbContext db, List<Guid> ids) =>
        ids.Count == 0 ? Task.CompletedTask : db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LockedBy == Id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);

    /// <summary>BaseDelay · 2^(attempt−1), capped at MaxDelay, then scaled by a jitter factor in [0.5, 1) so failed messages don't retry in lockstep.</summary>
    public static TimeSpan RetryDelay(int attempt, OutboxOptions options, double random)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Math.Clamp(random, 0, 1) * 0.5)));
    }

    private static string Describe(Exception ex)
    {
        var text = ex.InnerException is null ? $"{ex.GetType().Name}: {ex.Message}" : $"{ex.GetType().Name}: {ex.Message} ← {ex.InnerException.GetType().Name}: {ex.InnerException.Message}";
        return text.Length <= 4000 ? text : text[..4000];
    }

    // The guid makes it unique even for two dispatchers in one process (tests); the rest helps an admin find the node.
    private static string NewId()
    {
        var id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return id.Length <= 100 ? id : id[^100..];
    }

    private DateTimeOffset Now() => Truncate(time.GetUtcNow());

    // PostgreSQL keeps microseconds, SQLite (as ticks) keeps everything: whole milliseconds compare equal on both.
    private static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public override void Dispose()
    {
        wake.Dispose();
        pass.Dispose();
        base.Dispose();
    }
}
