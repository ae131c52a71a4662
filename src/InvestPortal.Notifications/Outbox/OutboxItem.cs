using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Notifications.Outbox;

/// <summary>One row of the admin outbox page. Recipient and subject are filled for emails.</summary>
public sealed record OutboxItem(
    Guid Id, string Kind, string IdempotencyKey, OutboxStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset AvailableAt, DateTimeOffset? SentAt, string? LastError,
    string? LockedBy, DateTimeOffset? LockedUntil, string? To, string? Subject, string? Template);
