using InvestPortal.Core.Domain;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>One account: add or remove roles, lock or unlock, and attach it to organizations. Each change is audited.</summary>
public sealed class UserEditModel(UserAdmin admin, OrganizationAdmin organizations) : PortalPageModel
{
    public UserRow Account { get; private set; } = null!;
    public IReadOnlyList<Organization> Memberships { get; private set; } = [];
    public IReadOnlyList<Organization> AllOrganizations { get; private set; } = [];
    public bool IsSelf { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var found = await admin.FindAsync(id, ct);
        if (found is null) return NotFound();
        Account = found;
        IsSelf = found.User.Id == UserId;
        Memberships = await admin.MembershipsAsync(id, ct);
        AllOrganizations = await organizations.AllAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddRoleAsync(string id, string role, CancellationToken ct) =>
        Done(id, admin.SetRoleAsync(id, role, add: true, Actor, ct));

    public Task<IActionResult> OnPostRemoveRoleAsync(string id, string role, CancellationToken ct) =>
        Done(id, admin.SetRoleAsync(id, role, add: false, Actor, ct));

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) => Done(id, admin.SetLockedAsync(id, true, Actor, ct));

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) => Done(id, admin.SetLockedAsync(id, false, Actor, ct));

    public Task<IActionResult> OnPostAddOrganizationAsync(string id, Guid organization, CancellationToken ct) =>
        Done(id, admin.SetMembershipAsync(id, organization, add: true, Actor, ct));

    public Task<IActionResult> OnPostRemoveOrganizationAsync(string id, Guid organization, CancellationToken ct) =>
        Done(id, admin.SetMembershipAsync(id, organization, add: false, Actor, ct));


    private async Task<IActionResult> Done(string id, Task<UserChange> change)
    {
        var result = await change;
        if (result == UserChange.NotFound) return NotFound();
        Message = $"AdminUsers.Result.{result}";
        return Redirect(Href($"admin/users/{Uri.EscapeDataString(id)}"));
    }
}
