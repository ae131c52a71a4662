using InvestPortal.Web.Localization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Api;

/// <summary>The full opportunity: every text it has, in every language, plus codes and dates. No personal contact data.</summary>
public sealed record ApiOpportunityDetail(
    Guid Id, string ExternalRef, string Slug, string Status, string Sector, string Location, string? PartnerRegion,
    ApiInvestment Investment, IReadOnlyList<string> CooperationModes, string? Stage, IReadOnlyList<string> Tags,
    string Organization, string OriginalLanguage, DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string> Summary, IReadOnlyDictionary<string, string> Description,
    IReadOnlyDictionary<string, string> Urls, bool IsDemo)
{
    public static ApiOpportunityDetail From(Opportunity o) => new(
        o.Id, o.ExternalRef, o.Slug, "published", o.SectorCode, o.LocationCode, o.PartnerRegionCode,
        new ApiInvestment(o.TotalAmount, o.Currency, o.MinTicket), o.CooperationModes, o.StageCode, o.Tags,
        o.Organization?.Name ?? "", o.OriginalCulture, o.PublishedAt,
        o.Translations.ToDictionary(t => t.Culture, t => t.Title),
        o.Translations.Where(t => t.Summary is not null).ToDictionary(t => t.Culture, t => t.Summary!),
        o.Translations.Where(t => t.Description is not null).ToDictionary(t => t.Culture, t => t.Description!),
        Cultures.All.ToDictionary(c => c, c => CultureUrls.Href(c, $"opportunities/{o.Slug}")), o.IsDemo);
}
