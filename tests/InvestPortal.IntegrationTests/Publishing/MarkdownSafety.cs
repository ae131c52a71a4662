using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>XSS payloads an official (or a stolen official account) could paste into a description, and the checks on the result.</summary>
public static class MarkdownSafety
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"0\" y=\"20\">x</text></a></svg>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](jav\tascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[a](<javascript:alert(1)>)",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[x](javascript:alert`1`)",
        "![x](javascript:alert(1))",
        "![x](https://example.com/x.png\"onerror=\"alert(1))",
        "[x](https://example.com \"title\" onclick=alert(1))",
        "<https://example.com/\"onmouseover=\"alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<a href=\"https://example.com\" target=\"_blank\" onclick=\"alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<body onload=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "\"><script>alert(1)</script>",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "<textarea><script>alert(1)</script></textarea>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<style>body{display:none}</style>",
        "**bold <img src=x onerror=alert(1)>**",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "- item\n- <a href=\"javascript:alert(1)\" onmouseover=\"alert(1)\">x</a>",
        "> quote <iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    ];

    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "strong", "em", "del", "s", "ins", "mark", "sub", "sup", "code", "pre", "blockquote", "hr",
        "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td",
    };

    /// <summary>Asserts a rendered fragment (or a page region) can run nothing and leak no opener.</summary>
    public static void AssertSafe(IElement root, string payload)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            Assert.True(Allowed.Contains(element.LocalName), $"<{element.LocalName}> survived: {payload}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} survived: {payload}");
                Assert.False(attribute.Name is "style" or "target" or "src" or "srcdoc", $"{attribute.Name} survived: {payload}");
                var compact = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.DoesNotContain("javascript:", compact, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("vbscript:", compact, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("data:", compact, StringComparison.OrdinalIgnoreCase);
            }
            if (element.LocalName == "a" && element.HasAttribute("href"))
                Assert.Equal("nofollow noopener noreferrer", element.GetAttribute("rel"));
        }
    }

    public static IElement Parse(string html) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body><div id=\"root\">{html}</div></body></html>").GetElementById("root")!;
}
