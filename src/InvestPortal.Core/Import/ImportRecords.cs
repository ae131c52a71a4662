using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

/// <summary>A text in one or more of zh/ru/en, in the order the file gave them (the first is the original).</summary>
public sealed record LocalizedText(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public string? this[string culture] => Values.FirstOrDefault(v => v.Key == culture).Value;
    public string? FirstCulture => Values.Count > 0 ? Values[0].Key : null;
    public static readonly LocalizedText Empty = new([]);
}

public abstract record ImportRecord(int Line, string ExternalRef);

public sealed record OpportunityRecord(
    int Line, string ExternalRef, OpportunityStatus Status, string Sector, string Location, string? PartnerRegion,
    LocalizedText Title, LocalizedText Summary, LocalizedText Description,
    decimal Total, string Currency, decimal? MinTicket, IReadOnlyList<string> Modes, string? Stage,
    IReadOnlyList<string> Tags, string Organization, string ContactEmail, DateTimeOffset? PublishedAt)
    : ImportRecord(Line, ExternalRef);

public sealed record InvestorRecord(
    int Line, string ExternalRef, LocalizedText Name, string Country, string? HomeRegion, InvestorKind Kind,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Sectors, IReadOnlyList<string> Locations,
    decimal? TicketMin, decimal? TicketMax, string TicketCurrency, IReadOnlyList<string> Modes,
    LocalizedText Description, string? ContactEmail)
    : ImportRecord(Line, ExternalRef);

public sealed record ImportError(int Line, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"line {Line}: {Message}" : $"line {Line}: {Field}: {Message}";
}

/// <summary>One line of a file: its record when it is good, else its errors (a blank line has neither).</summary>
public sealed record ImportLine(int Number, ImportRecord? Record, IReadOnlyList<ImportError> Errors);

public sealed record ImportParseResult(IReadOnlyList<ImportRecord> Records, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
