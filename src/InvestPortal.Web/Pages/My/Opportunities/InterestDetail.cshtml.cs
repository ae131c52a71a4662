using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Interests;
using InvestPortal.Web.Pages.Opportunities;
using InvestPortal.Web.Publishing;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>One expression of interest as its owner sees it, with the next steps; contacts appear once acknowledged.</summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class InterestDetailModel(OwnedOpportunities owned, InterestReader reader, InterestService interests, PortalTaxonomy taxonomy) : PortalPageModel
{
    public OpportunityView Item { get; private set; } = null!;
    public ExpressionOfInterest Interest { get; private set; } = null!;
    [TempData(Key = "Interests.Message")] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid interestId, CancellationToken ct) =>
        await LoadAsync(id, interestId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid interestId, InterestStatus status, InterestStatus target,
        string? outcome, string? reply, CancellationToken ct)
    {
        if (!await LoadAsync(id, interestId, ct)) return NotFound();
        var result = await interests.AdvanceAsync(Interest, status, target, outcome, reply, User, ct);
        Message = result switch
        {
            StepOutcome.Done => $"Interests.Done.{target}",
            StepOutcome.OutcomeRequired => "Interests.OutcomeRequired",
            _ => "Interests.Stale",
        };
        return Redirect(Href($"my/opportunities/{id}/interests/{interestId}"));
    }

    private async Task<bool> LoadAsync(Guid id, Guid interestId, CancellationToken ct)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null || await reader.InOpportunityAsync(id, interestId, ct) is not { } interest) return false;
        Item = OpportunityView.Create(opportunity, Culture, taxonomy);
        Interest = interest;
        return true;
    }
}
