using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Preferences;
using InvestPortal.Web.Investing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using InvestPortal.Web.Security;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Pages.My;

/// <summary>
/// The user's saved searches: saved from the search page (create), listed, renamed, re-timed,
/// paused, deleted, and run again. Ids of other users' searches answer 404, like unknown ones.
/// </summary>
// Each save queues index work in the outbox: submissions are rate-limited like every other form.
[EnableRateLimiting(RateLimits.Forms)]
public sealed class AlertsModel(SavedSearches searches, SavedSearchText text, PortalTaxonomy taxonomy,
    NotificationPreferences preferences) : PortalPageModel
{
    public IReadOnlyList<SavedSearch> Items { get; private set; } = [];
    /// <summary>Set when the page shows one search (/my/alerts/{id}).</summary>
    public SavedSearch? Focused { get; private set; }
    public bool AlertEmailsOff { get; private set; }
    [TempData] public string? Message { get; set; }

    /// <summary>A create that failed validation comes back here, with what was typed and the search it was for.</summary>
    public SaveSearchInput? Create { get; private set; }
    public OpportunitySearchForm? CreateQuery { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Focused = id is { } one ? await searches.FindAsync(UserId!, one, ct) : null;
        return id is not null && Focused is null ? NotFound() : await ListAsync(ct);
    }

    /// <summary>From the search page's "Save this search" form: the name, the frequency and the search's own query string.</summary>
    public async Task<IActionResult> OnPostCreateAsync([FromForm] SaveSearchInput input, [FromForm] OpportunitySearchForm query, CancellationToken ct)
    {
        query.Normalize(taxonomy);
        ModelState.AddFieldErrors("Create", text.Errors(input.Name, input.Frequency));
        if (ModelState.IsValid && await searches.IsFullAsync(UserId!, ct)) ModelState.AddFieldErrors("Create", [text.TooMany]);
        if (!ModelState.IsValid)
        {
            (Create, CreateQuery) = (input, query);
            return await ListAsync(ct);
        }
        await searches.CreateAsync(UserId!, input.Name!, query.ToQuery(Culture, OpportunityQuery.DefaultPageSize), input.Frequency!.Value, Culture, ct);
        return Done("Alerts.Created");
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, string? name, AlertFrequency? frequency, bool paused, CancellationToken ct)
    {
        if (await searches.FindAsync(UserId!, id, ct) is not { } search) return NotFound();
        ModelState.AddFieldErrors($"Edit{id:N}", text.Errors(name, frequency));
        if (!ModelState.IsValid) return await ListAsync(ct);
        await searches.UpdateAsync(search, name!, frequency!.Value, paused, ct);
        return Done("Alerts.Updated");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await searches.FindAsync(UserId!, id, ct) is not { } search) return NotFound();
        await searches.DeleteAsync(search, ct);
        return Done("Alerts.Deleted");
    }

    /// <summary>The page with the user's searches (all of them unless one is focused) and whether alert emails are off.</summary>
    private async Task<IActionResult> ListAsync(CancellationToken ct)
    {
        Items = Focused is not null ? [Focused] : await searches.ListAsync(UserId!, ct);
        AlertEmailsOff = !await preferences.IsEnabledAsync(UserId!, NotificationTopics.SavedSearches, ct);
        return Page();
    }

    private RedirectResult Done(string messageKey)
    {
        Message = messageKey;
        return Redirect(Href("my/alerts"));
    }

    /// <summary>What a saved search looks for, in the reader's language.</summary>
    public string Describe(SavedSearch search) => text.Describe(search, Culture);

    public string RunUrl(SavedSearch search) => Href(AlertLinks.RunPath(search));
}
