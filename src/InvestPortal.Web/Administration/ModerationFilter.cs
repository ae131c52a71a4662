using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Administration;

public sealed record ModerationFilter(Guid? Organization = null, string? Sector = null, string? Language = null, ModerationKind? Kind = null)
{
    /// <summary>The filter from the queue's query string: unknown sectors, languages and kinds filter nothing.</summary>
    public static ModerationFilter From(Guid? organization, string? sector, string? language, string? kind, PortalTaxonomy taxonomy) =>
        new(organization, taxonomy.Sector(sector)?.Code, Cultures.IsSupported(language) ? language : null, KindOf(kind));

    public static ModerationKind? KindOf(string? kind) =>
        Enum.TryParse<ModerationKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
}
