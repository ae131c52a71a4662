using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace InvestPortal.Web.Content;

/// <summary>
/// Turns an official's Markdown description into HTML that is safe to put in a page. Two walls:
/// Markdig escapes raw HTML instead of passing it through, and the sanitizer then keeps only a short
/// list of formatting tags, http/https/mailto links and no attributes that could run code. Images are
/// not allowed in the text (the CSP would block other hosts anyway): pictures go in attachments.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>What every link gets: search engines give no credit, the opened page gets no handle on ours.</summary>
    public const string LinkRel = "nofollow noopener noreferrer";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseCjkFriendlyEmphasis()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        // Officials write line by line as in a word processor: a single newline is a line break.
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly string[] Tags =
    [
        "p", "br", "strong", "em", "del", "s", "ins", "mark", "sub", "sup", "code", "pre", "blockquote", "hr",
        "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        // A blank slate, not the library's defaults: only what is listed here survives.
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase);
        options.AllowedAttributes = new HashSet<string>(["href", "title", "start", "align"], StringComparer.OrdinalIgnoreCase);
        options.AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase);
        options.UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase);
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement { LocalName: "a" } a) return;
            // Links without a usable target (the sanitizer dropped a javascript: href) become plain text.
            if (string.IsNullOrEmpty(a.GetAttribute("href"))) a.RemoveAttribute("href");
            a.SetAttribute("rel", LinkRel);
        };
    }

    /// <summary>Sanitized HTML for a description; empty for null or blank input.</summary>
    public IHtmlContent Render(string? markdown) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : ToSafeHtml(markdown));

    public string ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        return _sanitizer.Sanitize(html);
    }
}
