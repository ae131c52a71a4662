using AngleSharp.Dom;
using InvestPortal.Core.Domain;
using InvestPortal.Search;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Glossary;

internal static class GlossaryTestSupport
{
    /// <summary>
    /// Waits until every glossary-changed message has been carried out: the handler marks a message Sent only after
    /// the glossary was reloaded and the index rebuilt, so afterwards searches see the new concepts.
    /// </summary>
    public static async Task WaitForGlossaryRebuildAsync(this PortalFactory factory, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var state = "";
        while (DateTime.UtcNow < deadline)
        {
            var messages = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .Where(m => m.Kind == GlossaryAdmin.OutboxKind).Select(m => new { m.Status, m.LastError }).ToListAsync());
            var dead = messages.FirstOrDefault(m => m.Status == OutboxStatus.Dead);
            Assert.True(dead is null, $"A glossary-changed message died: {dead?.LastError}");
            if (messages.Count > 0 && messages.All(m => m.Status == OutboxStatus.Sent)) return;
            state = string.Join(", ", messages.Select(m => $"{m.Status} {m.LastError}"));
            await Task.Delay(200);
        }
        throw new TimeoutException($"The glossary change was not carried out in time: {state}");
    }

    /// <summary>Posts the add/edit form of a glossary page like a browser: antiforgery token from the page, then the given fields.</summary>
    public static Task<HttpResponseMessage> SubmitConceptAsync(this HttpClient client, string url, IDocument page,
        string? id = null, string? sector = null, string? zh = null, string? ru = null, string? en = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Sector"] = sector ?? "", ["Input.Zh"] = zh ?? "", ["Input.Ru"] = ru ?? "", ["Input.En"] = en ?? "",
        };
        if (id is not null) values["Input.Id"] = id;
        return client.SubmitFormAsync(url, page, "main form", values);
    }

    public static Task<string> SlugOfAsync(this PortalFactory factory, string externalRef) =>
        factory.WithDbAsync(db => db.Opportunities.Where(o => o.ExternalRef == externalRef).Select(o => o.Slug).SingleAsync());

    /// <summary>Links of the result cards of a search page.</summary>
    public static List<string> ResultLinks(IDocument doc) =>
        doc.QuerySelectorAll(".results .card h3 a").Select(a => a.GetAttribute("href")!).ToList();

    public static string ErrorSummary(IDocument doc) => doc.QuerySelector(".error-summary")?.TextContent ?? "(no error summary)";
}
