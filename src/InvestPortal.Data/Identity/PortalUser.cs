using Microsoft.AspNetCore.Identity;

namespace InvestPortal.Data.Identity;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>zh, ru or en: the language of every email this user receives.</summary>
    public string PreferredCulture { get; set; } = "en";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
