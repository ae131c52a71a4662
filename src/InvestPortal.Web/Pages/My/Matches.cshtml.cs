using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Investing;
using InvestPortal.Web.Pages.Opportunities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.My;

/// <summary>
/// "Matches for you": published opportunities ranked for the signed-in investor's profile, with reasons.
/// Matched live against the index on every visit, so a new listing or an edited profile shows at once.
/// Dismissed ones are left out (shown on request, to undo); shortlisted ones are marked.
/// </summary>
public sealed class MatchesModel(PortalDbContext db, ISearchEngine engine, SearchDocumentBuilder builder, OpportunityReader reader,
    PortalTaxonomy taxonomy, MatchReasonText reasons, Bookmarks bookmarks, UserManager<Data.Identity.PortalUser> users,
    ILogger<MatchesModel> log) : PortalPageModel
{
    public const int Top = 20;
    public bool HasProfile { get; private set; }
    public bool Unavailable { get; private set; }
    [FromQuery(Name = "dismissed")] public bool ShowDismissed { get; set; }
    public IReadOnlyList<(OpportunityView View, string Score, IReadOnlyList<string> Reasons)> Items { get; private set; } = [];
    public IReadOnlyList<OpportunityView> Dismissed { get; private set; } = [];
    public IReadOnlySet<Guid> Shortlisted { get; private set; } = new HashSet<Guid>();
    public string ReturnUrl => Href("my/matches") + (ShowDismissed ? "?dismissed=true" : "");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var profile = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.UserId == userId, ct);
        HasProfile = profile is not null;
        if (profile is null) return;
        var decisions = await bookmarks.DecisionsAsync(userId, ct);
        var dismissed = decisions.Where(d => d.Value == OpportunityDecision.Dismissed).Select(d => d.Key).ToHashSet();
        Shortlisted = decisions.Where(d => d.Value == OpportunityDecision.Shortlisted).Select(d => d.Key).ToHashSet();
        if (ShowDismissed)
        {
            var found = await reader.ByIdsAsync(dismissed, ct);
            Dismissed = found.Values.Select(o => OpportunityView.Create(o, Culture, taxonomy)).OrderBy(v => v.Title).ToList();
        }
        try
        {
            // Ask for as many more as were dismissed, so hiding them does not shorten the list.
            var matches = await engine.MatchOpportunitiesForInvestorAsync(builder.ForMatching(profile), Top + Math.Min(dismissed.Count, 200), ct);
            matches = matches.Where(m => !dismissed.Contains(m.Id)).Take(Top).ToList();
            var entities = await reader.ByIdsAsync(matches.Select(m => m.Id).ToList(), ct);
            Items = matches.Where(m => entities.ContainsKey(m.Id)).Select(m => (
                OpportunityView.Create(entities[m.Id], Culture, taxonomy),
                MatchReasonText.Percent(m.Score, Culture),
                (IReadOnlyList<string>)m.Reasons.Select(r => reasons.Describe(r, Culture)).ToList())).ToList();
        }
        catch (SearchUnavailableException ex)
        {
            log.LogError(ex, "Search engine unavailable for matching");
            Unavailable = true;
        }
    }
}
