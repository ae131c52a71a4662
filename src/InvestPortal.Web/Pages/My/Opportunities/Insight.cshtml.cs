using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Insight;
using InvestPortal.Web.Pages.Opportunities;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>
/// The owner's view of one listing: views, interests and invitations over time, the matching
/// investors with an invite button each, and the "still current" confirmation that keeps it from
/// expiring. Officials of the owner organization and admins only; anyone else gets a 404.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class InsightModel(OwnedOpportunities owned, InsightStats stats, OwnerMatches matches, InvestorInvitations invitations,
    ListingConfirmation confirmation, PortalTaxonomy taxonomy, IOptions<ListingsOptions> listings,
    UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    public OpportunityView Item { get; private set; } = null!;
    public InsightTotals Totals { get; private set; } = null!;
    public ChartData Chart { get; private set; } = null!;
    public int Days { get; private set; }
    /// <summary>Null when the search engine is unavailable.</summary>
    public IReadOnlyList<OwnerMatch>? Matches { get; private set; }
    public IReadOnlyDictionary<Guid, DateTimeOffset> Invited { get; private set; } = new Dictionary<Guid, DateTimeOffset>();
    public ListingsOptions Listings => listings.Value;
    public bool IsPublished => Item.Entity.Status == OpportunityStatus.Published;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int days = 30, CancellationToken ct = default)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null) return NotFound();
        Days = InsightStats.Windows.Contains(days) ? days : InsightStats.Windows[0];
        Item = OpportunityView.Create(opportunity, Culture, taxonomy);
        Totals = await stats.TotalsAsync(opportunity, ct);
        var series = await stats.SeriesAsync(id, Days, ct);
        Chart = InsightCharts.ViewsAndInterests($"insight-{Days}", series, Culture, HttpContext.RequestServices);
        Matches = await matches.ForAsync(opportunity, Culture, ct);
        Invited = await invitations.InvitedAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, Guid investorId, string? message, CancellationToken ct)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null) return NotFound();
        if (message?.Length > InvestorInvitations.MaxMessageLength) message = message[..InvestorInvitations.MaxMessageLength];
        var user = await users.GetUserAsync(User);
        var outcome = await invitations.InviteAsync(opportunity, investorId, message,
            Actor, string.IsNullOrWhiteSpace(user?.DisplayName) ? User.Identity?.Name ?? "" : user.DisplayName, ct);
        Message = $"Insight.Invite.{outcome}";
        return Redirect(Href($"my/opportunities/{id}/insight"));
    }

    /// <summary>The owner says the listing is still current: the expiry period starts again.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null) return NotFound();
        var outcome = await confirmation.ConfirmAsync(opportunity, Actor, ct);
        Message = outcome == ConfirmOutcome.Confirmed ? "Insight.Confirmed" : "Insight.ConfirmNotPublished";
        return Redirect(Href($"my/opportunities/{id}/insight"));
    }

    public string Date(DateTimeOffset? value) => Infrastructure.Formatting.Date(value, Culture);
    public string Number(int value) => Infrastructure.Formatting.Number(value, Culture);
}
