using InvestPortal.Web.Localization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Api;

/// <summary>One opportunity in the list shape of DOMAIN.md; texts in the requested language (or the original).</summary>
public sealed record ApiOpportunityItem(
    Guid Id, string ExternalRef, string Slug, string Title, string? Summary, string Sector, string Location,
    ApiInvestment Investment, string Url, double? Score, IReadOnlyList<string> Highlights, string Language, bool IsDemo)
{
    public static ApiOpportunityItem From(Opportunity o, string lang, double? score = null, IReadOnlyList<string>? highlights = null)
    {
        var text = o.For(lang);
        return new ApiOpportunityItem(o.Id, o.ExternalRef, o.Slug, text?.Title ?? o.ExternalRef, text?.Summary, o.SectorCode, o.LocationCode,
            new ApiInvestment(o.TotalAmount, o.Currency, o.MinTicket), CultureUrls.Href(lang, $"opportunities/{o.Slug}"), score, highlights ?? [],
            text?.Culture ?? o.OriginalCulture, o.IsDemo);
    }
}
