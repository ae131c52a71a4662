using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Options;
using InvestPortal.Notifications.Preferences;
using InvestPortal.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace InvestPortal.Notifications.Email;

/// <summary>Turns a request into the finished email (subject, HTML, text, links, Message-Id).</summary>
public sealed class EmailComposer(EmailTemplateStore templates, UnsubscribeTokens tokens, IOptionsMonitor<MailOptions> options)
{
    /// <summary>Where the lead's preferences page lives, relative to /{culture}/.</summary>
    public const string PreferencesPath = "my/notifications";

    public EmailPayload Compose(EmailRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ToAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        if (request.IdempotencyKey.Length > 200) throw new ArgumentException("IdempotencyKey is longer than 200 characters.", nameof(request));
        var o = options.CurrentValue;
        var culture = Cultures.IsSupported(request.Culture) ? request.Culture : Cultures.En;
        var topic = EmailTemplates.TopicOf(request.Template);

        string? unsubscribe = null, preferences = null;
        if (!request.IsEssential)
        {
            var subscriber = NotificationPreferences.SubscriberFor(request.UserId, request.ToAddress);
            unsubscribe = Url(o, culture, $"unsubscribe?token={Uri.EscapeDataString(tokens.Create(subscriber, topic))}");
            if (request.UserId is not null) preferences = Url(o, culture, PreferencesPath);
        }
        var input = new RenderInput(
            culture, request.ToName, request.Values, Url(o, culture, request.LinkPath),
            request.Items.Select(i => new RenderItem(i.Title, Url(o, culture, i.LinkPath), i.Summary, i.TextCulture)).ToList(),
            request.TextCulture, Url(o, culture, ""), unsubscribe, preferences);
        var rendered = EmailRenderer.Render(templates.Get(request.Template, culture), templates.Common(culture), input);
        return new EmailPayload(request.Template, culture, request.ToAddress.Trim(), request.ToName, rendered.Subject, rendered.Html,
            rendered.Text, MessageIds.For(request.IdempotencyKey, o.From), unsubscribe);
    }

    /// <summary>{BaseUrl}/{culture}/{path}: every link leads to the page in the recipient's language.</summary>
    public static string Url(MailOptions options, string culture, string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out _) || path.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException($"Link path '{path}' must be relative to /{culture}/.", nameof(path));
        return $"{options.BaseUrl.TrimEnd('/')}/{culture}/{path.TrimStart('/')}";
    }
}
