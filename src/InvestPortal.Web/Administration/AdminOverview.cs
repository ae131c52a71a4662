using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>The counts on the admin area's start page.</summary>
public sealed class AdminOverview(ModerationQueue queue, PortalDbContext db)
{
    public async Task<AdminAttention> AttentionAsync(CancellationToken ct = default) => new(
        await queue.Waiting.CountAsync(ct),
        await db.Organizations.CountAsync(o => !o.IsVerified, ct));
}
