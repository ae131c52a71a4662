using InvestPortal.Data;
using InvestPortal.Web.Administration;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>The admin area's start page: every admin tool, with what waits for attention.</summary>
public sealed class IndexModel(ModerationQueue queue, PortalDbContext db) : PortalPageModel
{
    public int Waiting { get; private set; }
    public int Unverified { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Waiting = await queue.Waiting.CountAsync(ct);
        Unverified = await db.Organizations.CountAsync(o => !o.IsVerified, ct);
    }
}
