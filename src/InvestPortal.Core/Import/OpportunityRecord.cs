using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

public sealed record OpportunityRecord(
    int Line, string ExternalRef, OpportunityStatus Status, string Sector, string Location, string? PartnerRegion,
    LocalizedText Title, LocalizedText Summary, LocalizedText Description,
    decimal Total, string Currency, decimal? MinTicket, IReadOnlyList<string> Modes, string? Stage,
    IReadOnlyList<string> Tags, string Organization, string ContactEmail, DateTimeOffset? PublishedAt,
    Geography.GeoPoint? Position = null)
    : ImportRecord(Line, ExternalRef);
