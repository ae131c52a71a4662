using InvestPortal.Web.Administration;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>The admin area's start page: every admin tool, with what waits for attention.</summary>
public sealed class IndexModel(AdminOverview overview) : PortalPageModel
{
    public int Waiting { get; private set; }
    public int Unverified { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => (Waiting, Unverified) = await overview.AttentionAsync(ct);
}
