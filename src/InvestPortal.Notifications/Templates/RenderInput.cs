using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using InvestPortal.Core.Domain;

namespace InvestPortal.Notifications.Templates;

/// <summary>Everything a template is rendered with; links are already absolute.</summary>
public sealed record RenderInput(
    string Culture, string? RecipientName, IReadOnlyDictionary<string, string> Values, string Link,
    IReadOnlyList<RenderItem> Items, string? TextCulture, string HomeUrl, string? UnsubscribeUrl, string? PreferencesUrl);
