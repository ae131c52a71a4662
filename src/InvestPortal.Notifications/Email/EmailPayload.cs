namespace InvestPortal.Notifications.Email;

/// <summary>
/// The outbox payload of kind "email": the message fully rendered at enqueue time, so a retry
/// sends the same bytes under the same Message-Id, and the admin page can show what it says.
/// </summary>
public sealed record EmailPayload(
    string Template, string Culture, string ToAddress, string? ToName, string Subject, string Html, string Text,
    string MessageId, string? UnsubscribeUrl);
