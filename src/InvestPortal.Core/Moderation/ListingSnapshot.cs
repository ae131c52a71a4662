using System.Text.Json;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Moderation;

/// <summary>The texts of one language in a <see cref="ListingSnapshot"/>.</summary>
public sealed record ListingText(string Culture, string Title, string? Summary, string? Description);

/// <summary>
/// The reviewable fields of an opportunity at one moment: what the public saw (Opportunity.PublishedSnapshotJson),
/// what the owner proposes (Opportunity.PendingRevisionJson), or the listing as it stands. Moderators diff two of these.
/// Reads the JSON the editor writes (the same property names as its OpportunitySnapshot), leniently: unknown fields
/// are ignored and unreadable JSON counts as "no snapshot".
/// </summary>
public sealed record ListingSnapshot
{
    public string SectorCode { get; init; } = "";
    public string LocationCode { get; init; } = "";
    public string? PartnerRegionCode { get; init; }
    public string? StageCode { get; init; }
    public IReadOnlyList<string> CooperationModes { get; init; } = [];
    public decimal TotalAmount { get; init; }
    public string Currency { get; init; } = "CNY";
    public decimal? MinTicket { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string ContactEmail { get; init; } = "";
    public string OriginalCulture { get; init; } = Cultures.Zh;
    public IReadOnlyList<ListingText> Texts { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ListingSnapshot Of(Opportunity o) => new()
    {
        SectorCode = o.SectorCode, LocationCode = o.LocationCode, PartnerRegionCode = o.PartnerRegionCode, StageCode = o.StageCode,
        CooperationModes = [.. o.CooperationModes], TotalAmount = o.TotalAmount, Currency = o.Currency, MinTicket = o.MinTicket,
        Tags = [.. o.Tags], ContactEmail = o.ContactEmail, OriginalCulture = o.OriginalCulture,
        Texts = Cultures.All.Select(c => o.Translations.FirstOrDefault(t => t.Culture == c)).Where(t => t is not null)
            .Select(t => new ListingText(t!.Culture, t.Title, t.Summary, t.Description)).ToList(),
    };

    /// <summary>The snapshot in a JSON column, or null when the column is empty or unreadable (then there is nothing to diff).</summary>
    public static ListingSnapshot? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<ListingSnapshot>(json, Json); }
        catch (JsonException) { return null; }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public ListingText? Text(string culture) => Texts.FirstOrDefault(t => t.Culture == culture);
}
