using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace InvestPortal.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<PortalUser> users) : PortalPageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? token)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        Confirmed = user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
