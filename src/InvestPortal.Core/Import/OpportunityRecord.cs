using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

public sealed record OpportunityRecord(
    int Line, string ExternalRef, OpportunityStatus Status, string Sector, string Location, string? PartnerRegion,
    LocalizedText Title, LocalizedText Summary, LocalizedText Description,
    decimal Total, string Currency, decimal? MinTicket, IReadOnlyList<string> Modes, string? Stage,
    IReadOnlyList<string> Tags, string Organization, string ContactEmail, DateTimeOffset? PublishedAt,
    Geography.GeoPoint? Position = null, IReadOnlyDictionary<string, TranslationProvenance>? Provenance = null)
    : ImportRecord(Line, ExternalRef)
{
    /// <summary>What a text in <paramref name="culture"/> records: the first language is the original; others as the file says, else unspecified.</summary>
    public TranslationProvenance ProvenanceOf(string culture) =>
        culture == Title.FirstCulture ? TranslationProvenance.Original
        : Provenance?.GetValueOrDefault(culture) is { } p && p != TranslationProvenance.Original ? p : TranslationProvenance.Unspecified;
}
