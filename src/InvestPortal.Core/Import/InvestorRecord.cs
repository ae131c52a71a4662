using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

public sealed record InvestorRecord(
    int Line, string ExternalRef, LocalizedText Name, string Country, string? HomeRegion, InvestorKind Kind,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Sectors, IReadOnlyList<string> Locations,
    decimal? TicketMin, decimal? TicketMax, string TicketCurrency, IReadOnlyList<string> Modes,
    LocalizedText Description, string? ContactEmail)
    : ImportRecord(Line, ExternalRef);
