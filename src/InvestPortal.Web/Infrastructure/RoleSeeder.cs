using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace InvestPortal.Web.Infrastructure;

public static class RoleSeeder
{
    /// <summary>The four roles of DOMAIN.md exist in every database.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
