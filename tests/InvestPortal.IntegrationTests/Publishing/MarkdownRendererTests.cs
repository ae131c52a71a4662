using InvestPortal.Web.Content;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>The renderer alone, payload by payload; the page tests check the same on real pages.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    public static TheoryData<string> Payloads() => new(MarkdownSafety.Payloads);

    [Fact]
    public void The_payload_list_is_long_enough_to_mean_something() => Assert.True(MarkdownSafety.Payloads.Length >= 30);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void No_payload_leaves_a_script_an_event_handler_or_a_script_url(string payload)
    {
        var html = _renderer.ToSafeHtml(payload);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        MarkdownSafety.AssertSafe(MarkdownSafety.Parse(html), payload);
    }

    [Fact]
    public void Ordinary_Markdown_keeps_its_formatting_and_links_get_nofollow_noopener()
    {
        var root = MarkdownSafety.Parse(_renderer.ToSafeHtml(
            "## 项目优势\n\n**冷链**仓储 *12 万吨*\n\n- 铁路专用线\n- 保税仓库\n\nПодробнее: [сайт зоны](https://example.com/zone) или <https://example.org>."));
        Assert.Equal("项目优势", root.QuerySelector("h2")!.TextContent);
        Assert.Equal("冷链", root.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, root.QuerySelectorAll("ul li").Length);
        var links = root.QuerySelectorAll("a");
        Assert.Equal(["https://example.com/zone", "https://example.org"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("nofollow noopener noreferrer", a.GetAttribute("rel")));
        Assert.All(links, a => Assert.Null(a.GetAttribute("target")));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_and_single_newlines_stay_line_breaks()
    {
        var root = MarkdownSafety.Parse(_renderer.ToSafeHtml("第一行\n第二行 <b>粗</b>"));
        Assert.Single(root.QuerySelectorAll("br"));
        Assert.Null(root.QuerySelector("b"));
        Assert.Contains("<b>粗</b>", root.TextContent, StringComparison.Ordinal);
    }
}
