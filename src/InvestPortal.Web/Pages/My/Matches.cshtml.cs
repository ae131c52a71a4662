using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Pages.Matches;
using InvestPortal.Web.Pages.Opportunities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Pages.My;

/// <summary>"Matches for you": published opportunities ranked for the signed-in investor's profile, with reasons.</summary>
public sealed class MatchesModel(PortalDbContext db, ISearchEngine engine, SearchDocumentBuilder builder, OpportunityReader reader,
    PortalTaxonomy taxonomy, MatchReasonText reasons, UserManager<Data.Identity.PortalUser> users, ILogger<MatchesModel> log) : PortalPageModel
{
    public const int Top = 20;
    public bool HasProfile { get; private set; }
    public bool Unavailable { get; private set; }
    public IReadOnlyList<(OpportunityView View, string Score, IReadOnlyList<string> Reasons)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var profile = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.UserId == userId, ct);
        HasProfile = profile is not null;
        if (profile is null) return;
        try
        {
            var matches = await engine.MatchOpportunitiesForInvestorAsync(builder.ForMatching(profile), Top, ct);
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
