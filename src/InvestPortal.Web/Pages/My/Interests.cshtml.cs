using InvestPortal.Core.Domain;
using InvestPortal.Web.Interests;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.My;

/// <summary>The interested side: every expression of interest of the user's organization, its status and the owner's reply.</summary>
[EnableRateLimiting(RateLimits.Forms)]
public sealed class InterestsModel(InterestReader reader, InterestService interests) : PortalPageModel
{
    public IReadOnlyList<ExpressionOfInterest> Items { get; private set; } = [];
    [TempData(Key = "Interests.Message")] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await reader.OfUserAsync(User, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, InterestStatus status, CancellationToken ct)
    {
        var interest = await reader.OwnAsync(User, id, ct);
        if (interest is null) return NotFound();
        var outcome = await interests.WithdrawAsync(interest, status, User, ct);
        Message = outcome == StepOutcome.Done ? "Interests.Withdrawn" : "Interests.Stale";
        return Redirect(Href($"my/interests#interest-{id}"));
    }
}
