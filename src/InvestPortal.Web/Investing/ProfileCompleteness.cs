using InvestPortal.Core.Domain;

namespace InvestPortal.Web.Investing;

/// <summary>
/// How much of a saved profile a matching engine can use. Each item weighs the same: the hint is
/// there to send the investor to the next field worth filling, not to grade them.
/// </summary>
public sealed record ProfileCompleteness(int Percent, IReadOnlyList<MissingItem> Missing)
{
    public static ProfileCompleteness Of(InvestorProfile p)
    {
        var original = p.Translations.FirstOrDefault(t => t.Culture == p.OriginalCulture);
        var checks = new (bool Done, MissingItem Item)[]
        {
            (p.Sectors.Count > 0, new("Investor.Sectors", "Form_Sectors")),
            (p.Locations.Count > 0, new("Investor.Locations", "Form_Locations")),
            (p.CooperationModes.Count > 0, new("Opportunity.Modes", "Form_Modes")),
            (p.TicketMin is not null || p.TicketMax is not null, new("Investor.Ticket", "Form_TicketMin")),
            (!string.IsNullOrEmpty(p.HomeRegion), new("Investor.HomeRegion", "Form_HomeRegion")),
            (!string.IsNullOrWhiteSpace(original?.Description), new("Investor.About", $"Form_{Cap(p.OriginalCulture)}_Description")),
            // Officials read Chinese, investors often Russian or English: a second language widens who understands the profile.
            (p.Translations.Count(t => !string.IsNullOrWhiteSpace(t.Name)) > 1, new("Profile.SecondLanguage", "profile-texts")),
            (!string.IsNullOrWhiteSpace(p.ContactEmail), new("Profile.ContactEmail", "Form_ContactEmail")),
        };
        var done = checks.Count(c => c.Done) + 1; // the name, always present on a saved profile
        return new ProfileCompleteness((int)Math.Round(100.0 * done / (checks.Length + 1)),
            checks.Where(c => !c.Done).Select(c => c.Item).ToList());
    }

    private static string Cap(string culture) => culture[..1].ToUpperInvariant() + culture[1..];
}
