using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>Find accounts by email or name and see their roles; each opens the user page to change them.</summary>
public sealed class UsersModel(UserAdmin admin) : PortalPageModel
{
    public const int PageSize = 50;
    public string Query { get; private set; } = "";
    public UserListPage Items { get; private set; } = new([], 0, 1, PageSize);
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Query = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, 100)] : "";
        Items = await admin.SearchAsync(Query, Math.Max(1, pageNumber), PageSize, ct);
        Pager = new Pager(Items.Page, PageSize, Items.Total, Request);
    }
}
