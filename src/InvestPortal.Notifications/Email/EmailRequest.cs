namespace InvestPortal.Notifications.Email;

/// <summary>What a feature asks for: which email, to whom, in which language, with which values.</summary>
public sealed record EmailRequest
{
    /// <summary>One of <see cref="EmailTemplates"/>.</summary>
    public required string Template { get; init; }
    public required string ToAddress { get; init; }
    public string? ToName { get; init; }
    /// <summary>zh, ru or en: the recipient's preferred language (anything else falls back to en).</summary>
    public required string Culture { get; init; }
    /// <summary>The template's {{placeholders}}; plain text, encoded by the renderer.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    /// <summary>For digests: the list rendered where the template says {{items}}.</summary>
    public IReadOnlyList<EmailItem> Items { get; init; } = [];
    /// <summary>The page the email leads to, relative to /{culture}/, e.g. "opportunities/heihe-timber-park".</summary>
    public required string LinkPath { get; init; }
    /// <summary>Account emails: no unsubscribe link, never suppressed by preferences.</summary>
    public bool IsEssential { get; init; }
    /// <summary>The recipient's account, if any: preferences and the unsubscribe link are kept per user, else per address.</summary>
    public string? UserId { get; init; }
    /// <summary>
    /// Names this logical email (e.g. "opportunity-approved:{opportunityId}:{userId}"): queuing it
    /// twice yields one message, and the Message-Id derives from it. At most 200 characters.
    /// </summary>
    public required string IdempotencyKey { get; init; }
    /// <summary>Language of the opportunity text in <see cref="Values"/>; when it differs from Culture the email says it shows the original.</summary>
    public string? TextCulture { get; init; }
}
