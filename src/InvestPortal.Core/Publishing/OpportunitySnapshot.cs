using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;

namespace InvestPortal.Core.Publishing;

/// <summary>
/// Every field an official can edit, as one plain value: what goes into
/// <see cref="Opportunity.PendingRevisionJson"/> (an edit of a published listing waiting for review)
/// and <see cref="Opportunity.PublishedSnapshotJson"/> (the fields as last approved).
/// <para>
/// Not in it: status, slug, organization, reference, dates and counters; those are not the
/// owner's to edit. Texts are always in the order zh, ru, en; modes and tags keep the order entered.
/// Compare two snapshots with <see cref="ChangedFields"/> rather than by JSON text (PostgreSQL and
/// SQLite may give the same amount a different scale, e.g. 1000 and 1000.00).
/// </para>
/// <para>
/// To diff for moderation: <c>FromJson(o.PublishedSnapshotJson)</c> is what the public saw last,
/// <c>FromJson(o.PendingRevisionJson)</c> (or <c>Of(o)</c> for a listing in review) is the proposal.
/// </para>
/// </summary>
public sealed record OpportunitySnapshot
{
    public string SectorCode { get; init; } = "";
    public string LocationCode { get; init; } = "";
    /// <summary>The official's own point, both or neither (see <see cref="Opportunity.Latitude"/>).</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? PartnerRegionCode { get; init; }
    public string? StageCode { get; init; }
    public IReadOnlyList<string> CooperationModes { get; init; } = [];
    public decimal TotalAmount { get; init; }
    public string Currency { get; init; } = "CNY";
    public decimal? MinTicket { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string ContactEmail { get; init; } = "";
    public string OriginalCulture { get; init; } = Cultures.Zh;
    /// <summary>Only the languages that have texts, in the order zh, ru, en.</summary>
    public IReadOnlyList<SnapshotText> Texts { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Keep Chinese and Cyrillic readable in the database and in exports.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The editable fields of an opportunity as they are now.</summary>
    public static OpportunitySnapshot Of(Opportunity o) => new()
    {
        SectorCode = o.SectorCode, LocationCode = o.LocationCode, Latitude = o.Latitude, Longitude = o.Longitude, PartnerRegionCode = o.PartnerRegionCode, StageCode = o.StageCode,
        CooperationModes = [.. o.CooperationModes], TotalAmount = o.TotalAmount, Currency = o.Currency, MinTicket = o.MinTicket,
        Tags = [.. o.Tags], ContactEmail = o.ContactEmail, OriginalCulture = o.OriginalCulture,
        Texts = Cultures.All.Select(c => o.Translations.FirstOrDefault(t => t.Culture == c)).Where(t => t is not null)
            .Select(t => new SnapshotText(t!.Culture, t.Title, t.Summary, t.Description, t.Provenance)).ToList(),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Null for null or blank JSON (a listing never published has no snapshot).</summary>
    public static OpportunitySnapshot? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<OpportunitySnapshot>(json, Json);

    /// <summary>
    /// Like <see cref="FromJson"/>, but unreadable JSON also gives null: moderation pages show what they
    /// can (nothing to diff) rather than fail on one damaged row.
    /// </summary>
    public static OpportunitySnapshot? TryFromJson(string? json)
    {
        try { return FromJson(json); }
        catch (JsonException) { return null; }
    }

    public SnapshotText? Text(string culture) => Texts.FirstOrDefault(t => t.Culture == culture);

    /// <summary>
    /// Writes these fields onto a tracked opportunity: languages missing here lose their texts,
    /// existing translation rows are updated in place (EF sees updates, not delete + insert).
    /// </summary>
    public void Apply(Opportunity o)
    {
        o.SectorCode = SectorCode;
        o.LocationCode = LocationCode;
        // A snapshot from before points existed has neither: the listing then keeps standing at its location.
        var both = Latitude is not null && Longitude is not null;
        o.Latitude = both ? Latitude : null;
        o.Longitude = both ? Longitude : null;
        o.PartnerRegionCode = PartnerRegionCode;
        o.StageCode = StageCode;
        o.CooperationModes = [.. CooperationModes];
        // A revision saved before the money rule may hold any decimal; approving it must not carry an amount into the
        // listing (and the exchange-rate conversion of the index) that no form accepts today.
        o.TotalAmount = Math.Clamp(TotalAmount, -MoneyRule.Max, MoneyRule.Max);
        o.Currency = Currency;
        o.MinTicket = MinTicket is { } min ? Math.Clamp(min, -MoneyRule.Max, MoneyRule.Max) : null;
        o.Tags = [.. Tags];
        o.ContactEmail = ContactEmail;
        o.OriginalCulture = OriginalCulture;
        foreach (var culture in Cultures.All)
        {
            var text = Text(culture);
            var row = o.Translations.FirstOrDefault(t => t.Culture == culture);
            if (text is null)
            {
                if (row is not null) o.Translations.Remove(row);
                continue;
            }
            if (row is null) o.Translations.Add(row = new OpportunityTranslation { OpportunityId = o.Id, Culture = culture });
            row.Title = text.Title;
            row.Summary = text.Summary;
            row.Description = text.Description;
            row.Provenance = text.Provenance;
        }
    }

    /// <summary>
    /// The names of the fields that differ from <paramref name="other"/>: property names, and
    /// "Title.ru", "Summary.zh", "Description.en" for texts. Empty when nothing changed.
    /// </summary>
    public IReadOnlyList<string> ChangedFields(OpportunitySnapshot other)
    {
        var changed = new List<string>();
        void Check(string name, bool same) { if (!same) changed.Add(name); }
        Check(nameof(SectorCode), SectorCode == other.SectorCode);
        Check(nameof(LocationCode), LocationCode == other.LocationCode);
        Check("Position", Latitude == other.Latitude && Longitude == other.Longitude);
        Check(nameof(PartnerRegionCode), PartnerRegionCode == other.PartnerRegionCode);
        Check(nameof(StageCode), StageCode == other.StageCode);
        Check(nameof(CooperationModes), CooperationModes.SequenceEqual(other.CooperationModes));
        Check(nameof(TotalAmount), TotalAmount == other.TotalAmount);
        Check(nameof(Currency), Currency == other.Currency);
        Check(nameof(MinTicket), MinTicket == other.MinTicket);
        Check(nameof(Tags), Tags.SequenceEqual(other.Tags));
        Check(nameof(ContactEmail), ContactEmail == other.ContactEmail);
        Check(nameof(OriginalCulture), OriginalCulture == other.OriginalCulture);
        foreach (var culture in Cultures.All)
        {
            var (mine, theirs) = (Text(culture), other.Text(culture));
            Check($"Title.{culture}", mine?.Title == theirs?.Title);
            Check($"Summary.{culture}", mine?.Summary == theirs?.Summary);
            Check($"Description.{culture}", mine?.Description == theirs?.Description);
            // A language added or dropped already shows as its title; provenance is compared where both have the text.
            Check($"Provenance.{culture}", mine is null || theirs is null || mine.Provenance == theirs.Provenance);
        }
        return changed;
    }
}
