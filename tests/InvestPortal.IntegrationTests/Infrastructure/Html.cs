using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace InvestPortal.IntegrationTests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} returned {(int)response.StatusCode}, expected {(int)expected}. Body starts: {body[..Math.Min(400, body.Length)]}");
        return await Parser.ParseDocumentAsync(body);
    }

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits a page's form like a browser: its hidden fields (antiforgery token included) plus the given values.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IDocument page, string formSelector, IDictionary<string, string> values)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in values) fields[k] = v;
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
