using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using InvestPortal.Web.Accounts;

namespace InvestPortal.Web.Pages.My;

/// <summary>The signed-in user's start page: who they are, their organizations and what they can do.</summary>
public sealed class IndexModel(UserManager<PortalUser> users, AccountOverview overview, InvestPortal.Web.Demand.UnmetDemand demand) : PortalPageModel
{
    public PortalUser Account { get; private set; } = null!;
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<Core.Domain.Organization> Organizations { get; private set; } = [];
    /// <summary>For officials: unmet demand in their organizations' region and sectors; null for everyone else.</summary>
    public InvestPortal.Web.Demand.DemandReport? Demand { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Account = (await users.GetUserAsync(User))!;
        RoleNames = [.. await users.GetRolesAsync(Account)];
        Organizations = await overview.OrganizationsAsync(Account.Id, ct);
        Demand = await demand.ForOfficialAsync(User, ct);
    }
}
