using InvestPortal.Core.Domain;
using InvestPortal.Core.Import;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Testing;

/// <summary>content/demo parsed with the importer's parser into in-memory entities (not saved anywhere).</summary>
public static class DemoContent
{
    public static IReadOnlyList<Opportunity> Opportunities(string contentPath, PortalTaxonomy taxonomy) =>
        Load<OpportunityRecord>(contentPath, taxonomy, "opportunities.jsonl").Select(ToOpportunity).ToList();

    public static IReadOnlyList<InvestorProfile> Investors(string contentPath, PortalTaxonomy taxonomy) =>
        Load<InvestorRecord>(contentPath, taxonomy, "investors.jsonl").Select(ToInvestor).ToList();

    private static List<T> Load<T>(string contentPath, PortalTaxonomy taxonomy, string file) where T : ImportRecord
    {
        using var reader = File.OpenText(Path.Combine(contentPath, "demo", file));
        var parsed = new ImportParser(taxonomy).Parse(reader);
        if (!parsed.IsValid) throw new InvalidDataException(string.Join("; ", parsed.Errors));
        return parsed.Records.OfType<T>().ToList();
    }

    private static Opportunity ToOpportunity(OpportunityRecord r)
    {
        var o = new Opportunity
        {
            ExternalRef = r.ExternalRef, Slug = r.ExternalRef.ToLowerInvariant(), Status = r.Status, SectorCode = r.Sector, LocationCode = r.Location,
            PartnerRegionCode = r.PartnerRegion, TotalAmount = r.Total, Currency = r.Currency, MinTicket = r.MinTicket,
            CooperationModes = [.. r.Modes], StageCode = r.Stage, Tags = [.. r.Tags], OriginalCulture = r.Title.FirstCulture!,
            PublishedAt = r.Status == OpportunityStatus.Published ? r.PublishedAt ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) : null,
            IsDemo = true,
        };
        foreach (var (culture, title) in r.Title.Values)
            o.Translations.Add(new OpportunityTranslation
            {
                OpportunityId = o.Id, Culture = culture, Title = title, Summary = r.Summary[culture], Description = r.Description[culture],
            });
        return o;
    }

    private static InvestorProfile ToInvestor(InvestorRecord r)
    {
        var p = new InvestorProfile
        {
            ExternalRef = r.ExternalRef, Slug = r.ExternalRef.ToLowerInvariant(), Kind = r.Kind, Country = r.Country, HomeRegion = r.HomeRegion,
            Languages = [.. r.Languages], Sectors = [.. r.Sectors], Locations = [.. r.Locations], TicketMin = r.TicketMin, TicketMax = r.TicketMax,
            TicketCurrency = r.TicketCurrency, CooperationModes = [.. r.Modes], OriginalCulture = r.Name.FirstCulture!, IsDemo = true,
        };
        foreach (var (culture, name) in r.Name.Values)
            p.Translations.Add(new InvestorProfileTranslation { InvestorProfileId = p.Id, Culture = culture, Name = name, Description = r.Description[culture] });
        return p;
    }
}
