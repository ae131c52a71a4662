using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Notifications.Preferences;

/// <summary>Per-subscriber choices: which topics of non-essential email, and how often alerts come.</summary>
public sealed class NotificationPreferences(PortalDbContext db, UnsubscribeTokens tokens, TimeProvider time)
{
    /// <summary>A user's id, or "email:" + the address for someone without an account.</summary>
    public static string SubscriberFor(string? userId, string address) =>
        string.IsNullOrEmpty(userId) ? $"email:{address.Trim().ToLowerInvariant()}" : userId;

    /// <summary>Every optional topic with its current choice (defaults where nothing was chosen).</summary>
    public async Task<IReadOnlyList<TopicPreference>> GetAsync(string subscriber, CancellationToken ct = default)
    {
        var rows = await db.NotificationPreferences.AsNoTracking().Where(p => p.Subscriber == subscriber).ToListAsync(ct);
        return NotificationTopics.Optional.Select(topic => rows.FirstOrDefault(r => r.Topic == topic) is { } r
            ? new TopicPreference(topic, r.Enabled, r.Frequency)
            : new TopicPreference(topic, true, AlertFrequency.Immediate)).ToList();
    }

    public Task<bool> IsEnabledAsync(string subscriber, string topic, CancellationToken ct = default) =>
        IsEnabledAsync(db, subscriber, topic, ct);

    internal static async Task<bool> IsEnabledAsync(PortalDbContext db, string subscriber, string topic, CancellationToken ct) =>
        !await db.NotificationPreferences.AnyAsync(p => p.Subscriber == subscriber && p.Topic == topic && !p.Enabled, ct);

    /// <summary>Saves one topic's choice (the preferences page).</summary>
    public async Task SetAsync(string subscriber, string topic, bool enabled, AlertFrequency frequency = AlertFrequency.Immediate, CancellationToken ct = default)
    {
        if (!NotificationTopics.Optional.Contains(topic)) throw new ArgumentException($"'{topic}' is not an optional topic.", nameof(topic));
        try
        {
            await UpsertAsync(subscriber, topic, enabled, frequency, ct);
        }
        catch (DbUpdateException)
        {
            // Two requests inserted the same row at once (a mail scanner pre-fetching the link while the
            // person clicks it): the other insert won, so update that row instead.
            db.ChangeTracker.Clear();
            await UpsertAsync(subscriber, topic, enabled, frequency, ct);
        }
    }

    /// <summary>
    /// Applies a one-click unsubscribe link (GET page confirm or RFC 8058 POST): turns the token's topic
    /// off. Returns what was stopped, or null for an invalid token. Repeating it is harmless.
    /// </summary>
    public async Task<UnsubscribeClaim?> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        var claim = tokens.Read(token);
        if (claim is null || !NotificationTopics.Optional.Contains(claim.Topic)) return null;
        var current = await db.NotificationPreferences.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Subscriber == claim.Subscriber && p.Topic == claim.Topic, ct);
        await SetAsync(claim.Subscriber, claim.Topic, enabled: false, current?.Frequency ?? AlertFrequency.Immediate, ct);
        return claim;
    }

    private async Task UpsertAsync(string subscriber, string topic, bool enabled, AlertFrequency frequency, CancellationToken ct)
    {
        var row = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.Subscriber == subscriber && p.Topic == topic, ct);
        if (row is null)
        {
            row = new NotificationPreference { Subscriber = subscriber, Topic = topic };
            db.NotificationPreferences.Add(row);
        }
        row.Enabled = enabled;
        row.Frequency = frequency;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
