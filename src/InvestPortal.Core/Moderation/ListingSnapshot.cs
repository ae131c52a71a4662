using System.Text.Json;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Moderation;

/// <summary>The texts of one language in a <see cref="ListingSnapshot"/>.</summary>
public sealed record ListingText(string Title, string? Summary, string? Description);

/// <summary>
/// The reviewable fields of an opportunity at one moment: what the public saw (Opportunity.PublishedSnapshotJson),
/// what the owner proposes (Opportunity.PendingRevisionJson), or the listing as it stands. Moderators diff two of these.
/// The JSON is read leniently (Web defaults, unknown fields ignored), since the editor writes it.
/// </summary>
public sealed record ListingSnapshot
{
    public string? OriginalCulture { get; init; }
    public Dictionary<string, ListingText> Translations { get; init; } = [];
    public string Sector { get; init; } = "";
    public string Location { get; init; } = "";
    public string? PartnerRegion { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public decimal? MinTicket { get; init; }
    public List<string> Modes { get; init; } = [];
    public string? Stage { get; init; }
    public List<string> Tags { get; init; } = [];
    public string ContactEmail { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ListingSnapshot Of(Opportunity o) => new()
    {
        OriginalCulture = o.OriginalCulture,
        Translations = o.Translations.ToDictionary(t => t.Culture, t => new ListingText(t.Title, t.Summary, t.Description)),
        Sector = o.SectorCode, Location = o.LocationCode, PartnerRegion = o.PartnerRegionCode,
        Amount = o.TotalAmount, Currency = o.Currency, MinTicket = o.MinTicket,
        Modes = [.. o.CooperationModes], Stage = o.StageCode, Tags = [.. o.Tags], ContactEmail = o.ContactEmail,
    };

    /// <summary>The snapshot in a JSON column, or null when the column is empty or unreadable (then there is nothing to diff).</summary>
    public static ListingSnapshot? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<ListingSnapshot>(json, Json); }
        catch (JsonException) { return null; }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public ListingText? Text(string culture) => Translations.GetValueOrDefault(culture);
}
