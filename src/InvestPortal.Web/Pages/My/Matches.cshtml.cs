using InvestPortal.Web.Discovery;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Investing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.My;

/// <summary>
/// "Matches for you" (<see cref="InvestorMatches"/>): published opportunities ranked for the signed-in investor's
/// profile, with reasons. Dismissed ones are left out (shown on request, to undo); shortlisted ones are marked.
/// </summary>
public sealed class MatchesModel(InvestorMatches matches) : PortalPageModel, ISearchPage
{
    public const int Top = InvestorMatches.Top;
    public bool HasProfile { get; private set; }
    public bool Unavailable { get; set; }
    [FromQuery(Name = "dismissed")] public bool ShowDismissed { get; set; }
    public IReadOnlyList<(OpportunityView View, string Score, IReadOnlyList<string> Reasons)> Items { get; private set; } = [];
    public IReadOnlyList<OpportunityView> Dismissed { get; private set; } = [];
    public IReadOnlySet<Guid> Shortlisted { get; private set; } = new HashSet<Guid>();
    public string ReturnUrl => Href("my/matches") + (ShowDismissed ? "?dismissed=true" : "");

    /// <summary>A personal page, not a search result: it answers 200 with the notice when the engine is down.</summary>
    int ISearchPage.StatusWhenUnavailable => StatusCodes.Status200OK;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var board = await matches.BoardAsync(UserId!, ShowDismissed, Culture, ct);
        HasProfile = board is not null;
        if (board is null) return;
        (Shortlisted, Dismissed) = (board.Shortlisted, board.Dismissed);
        Items = await matches.RankAsync(board, Culture, ct);
    }
}
