using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using InvestPortal.Core.Domain;

namespace InvestPortal.Notifications.Templates;

/// <summary>
/// Fills a template twice: HTML (every value HTML-encoded, so a title like "&lt;script&gt;" stays text)
/// and plain text. Placeholders are {{name}}, or {{name:list}} to show the label "list.value" from _common.
/// A placeholder without a value is an error: a half-filled email is worse than none.
/// </summary>
public static partial class EmailRenderer
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_-]*)(?::([A-Za-z][A-Za-z0-9_-]*))?\s*\}\}")]
    private static partial Regex Placeholder();

    private const string ItemsParagraph = "{{items}}";

    /// <summary>The names a template text uses (for checking that translations agree).</summary>
    public static IEnumerable<string> PlaceholdersIn(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    public static RenderedEmail Render(EmailTemplate template, IReadOnlyDictionary<string, string> common, RenderInput input)
    {
        var values = new Dictionary<string, string>(input.Values, StringComparer.Ordinal) { ["portal"] = common["portal"] };
        string Fill(string text, Func<string, string> encode) => Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (!values.TryGetValue(name, out var value))
                throw new KeyNotFoundException($"Email template {template.Name}.{template.Culture} needs a value for '{name}'.");
            if (m.Groups[2].Success)
            {
                var key = $"{m.Groups[2].Value}.{value}";
                value = common.TryGetValue(key, out var label) ? label
                    : throw new KeyNotFoundException($"_common.{template.Culture}.txt has no label '{key}'.");
            }
            return encode(value);
        });
        // The template's own text is encoded too ("R&D" must stay text), then values are filled in encoded.
        string Html(string text) => Fill(Encode(text), Encode).Replace("\n", "<br>\n", StringComparison.Ordinal);
        string Plain(string text) => Fill(text, v => v);

        var subject = Plain(template.Subject).ReplaceLineEndings(" ");
        var greeting = input.RecipientName is { Length: > 0 } recipient
            ? Substitute(common["greeting"], "name", recipient) : common["greeting-anonymous"];
        var note = input.TextCulture is { } tc && tc != input.Culture && Cultures.IsSupported(tc)
            ? OriginalNote(common, tc) : null;

        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{Cultures.HtmlLang(input.Culture)}\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{Encode(subject)}</title></head>\n");
        html.Append("<body style=\"margin:0;padding:0;background:#f3f4f6\">\n<div style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1f2933;font-family:Arial,'Microsoft YaHei','PingFang SC',sans-serif;font-size:15px;line-height:1.6\">\n");
        html.Append($"<p style=\"margin:0 0 20px;font-size:13px;color:#52606d\"><a href=\"{Encode(input.HomeUrl)}\" style=\"color:#52606d;text-decoration:none\">{Encode(common["portal"])}</a></p>\n");
        html.Append($"<p>{Encode(greeting)}</p>\n");
        text.Append(common["portal"]).Append("\n\n").Append(greeting).Append("\n\n");
        if (note is not null)
        {
            html.Append($"<p style=\"color:#52606d;font-style:italic\">{Encode(note)}</p>\n");
            text.Append(note).Append("\n\n");
        }
        foreach (var paragraph in template.Paragraphs)
        {
            if (paragraph.Trim() == ItemsParagraph)
            {
                AppendItems(html, text, input, common);
                continue;
            }
            html.Append($"<p>{Html(paragraph)}</p>\n");
            text.Append(Plain(paragraph)).Append("\n\n");
        }
        var link = Encode(input.Link);
        if (template.Action is { } action)
        {
            var label = Plain(action);
            html.Append($"<p style=\"margin:24px 0\"><a href=\"{link}\" style=\"display:inline-block;padding:10px 20px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px\">{Encode(label)}</a></p>\n");
            text.Append(label).Append(":\n").Append(input.Link).Append("\n\n");
        }
        html.Append($"<p style=\"font-size:13px;color:#52606d\">{Encode(common["link-fallback"])}<br>\n<a href=\"{link}\" style=\"color:#0b5cad;word-break:break-all\">{link}</a></p>\n");
        if (template.Action is null) text.Append(input.Link).Append("\n\n");
        html.Append($"<p>{Encode(common["signature"])}</p>\n");
        text.Append(common["signature"]).Append("\n\n");

        // The footer says why this email came and how to stop it (or why it cannot be stopped).
        var reason = Plain(template.Reason);
        html.Append($"<hr style=\"border:none;border-top:1px solid #e4e7eb;margin:24px 0 12px\">\n<p style=\"font-size:12px;color:#7b8794\">{Encode(reason)}<br>\n");
        text.Append("-- \n").Append(reason).Append('\n');
        if (input.UnsubscribeUrl is { } unsubscribe)
        {
            html.Append($"{Encode(common["unsubscribe"])} <a href=\"{Encode(unsubscribe)}\" style=\"color:#7b8794\">{Encode(unsubscribe)}</a><br>\n");
            text.Append(common["unsubscribe"]).Append(' ').Append(unsubscribe).Append('\n');
            if (input.PreferencesUrl is { } prefs)
            {
                html.Append($"<a href=\"{Encode(prefs)}\" style=\"color:#7b8794\">{Encode(common["preferences"])}</a><br>\n");
                text.Append(common["preferences"]).Append(": ").Append(prefs).Append('\n');
            }
        }
        else
        {
            html.Append($"{Encode(common["essential"])}<br>\n");
            text.Append(common["essential"]).Append('\n');
        }
        html.Append($"{Encode(common["home"])} <a href=\"{Encode(input.HomeUrl)}\" style=\"color:#7b8794\">{Encode(input.HomeUrl)}</a></p>\n</div>\n</body>\n</html>\n");
        text.Append(common["home"]).Append(' ').Append(input.HomeUrl).Append('\n');
        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    private static void AppendItems(StringBuilder html, StringBuilder text, RenderInput input, IReadOnlyDictionary<string, string> common)
    {
        html.Append("<ul style=\"padding-left:20px\">\n");
        foreach (var item in input.Items)
        {
            var note = item.TextCulture is { } tc && tc != input.Culture && Cultures.IsSupported(tc) ? OriginalNote(common, tc) : null;
            html.Append($"<li style=\"margin-bottom:12px\"><a href=\"{Encode(item.Url)}\" style=\"color:#0b5cad;font-weight:bold\">{Encode(item.Title)}</a>");
            text.Append("* ").Append(item.Title).Append('\n');
            if (item.Summary is { Length: > 0 } summary)
            {
                html.Append($"<br>\n{Encode(summary)}");
                text.Append("  ").Append(summary.ReplaceLineEndings(" ")).Append('\n');
            }
            if (note is not null)
            {
                html.Append($"<br>\n<small style=\"color:#52606d\">{Encode(note)}</small>");
                text.Append("  (").Append(note).Append(")\n");
            }
            html.Append("</li>\n");
            text.Append("  ").Append(item.Url).Append("\n\n");
        }
        html.Append("</ul>\n");
    }

    private static string OriginalNote(IReadOnlyDictionary<string, string> common, string textCulture) =>
        Substitute(common["original-note"], "language", common.GetValueOrDefault($"language.{textCulture}", textCulture));

    private static string Substitute(string text, string name, string value) =>
        Placeholder().Replace(text, m => m.Groups[1].Value == name ? value : m.Value);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
