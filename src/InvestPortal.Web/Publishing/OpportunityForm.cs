using System.Globalization;
using InvestPortal.Notifications.Email;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Core.Geography;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Publishing;

/// <summary>
/// The editor's fields, all as entered (numbers are strings), so a form with an error comes back
/// exactly as the official typed it.
/// </summary>
public sealed class OpportunityForm
{
    public const int TitleMax = 200, SummaryMax = 1000, DescriptionMax = 20000, TagsMax = 20;

    public Guid? OrganizationId { get; set; }
    public string? Sector { get; set; }
    public string? Location { get; set; }
    /// <summary>Optional point, degrees as typed ("45.75", "126,63"); both or neither.</summary>
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? PartnerRegion { get; set; }
    public string? Stage { get; set; }
    public List<string> Modes { get; set; } = [];
    public string? Amount { get; set; }
    public string Currency { get; set; } = "CNY";
    public string? MinTicket { get; set; }
    public string? Tags { get; set; }
    public string? ContactEmail { get; set; }
    public string OriginalCulture { get; set; } = Cultures.Zh;
    public TextFields Zh { get; set; } = new();
    public TextFields Ru { get; set; } = new();
    public TextFields En { get; set; } = new();
    public Guid Version { get; set; }

    /// <summary>What the editor offers for a translation (the original language is marked as such by itself).</summary>
    public static readonly IReadOnlyList<TranslationProvenance> EditableProvenances =
        [TranslationProvenance.Owner, TranslationProvenance.MachineReviewed, TranslationProvenance.Machine];

    public TextFields Text(string culture) => culture switch { Cultures.Zh => Zh, Cultures.Ru => Ru, _ => En };

    public static OpportunityForm From(Opportunity o)
    {
        var form = new OpportunityForm
        {
            OrganizationId = o.OrganizationId, Sector = o.SectorCode, Location = o.LocationCode, PartnerRegion = o.PartnerRegionCode,
            Latitude = o.Latitude?.ToString(CultureInfo.InvariantCulture), Longitude = o.Longitude?.ToString(CultureInfo.InvariantCulture),
            Stage = o.StageCode, Modes = [.. o.CooperationModes], Currency = o.Currency, Tags = string.Join(", ", o.Tags),
            Amount = o.TotalAmount.ToString(CultureInfo.InvariantCulture),
            MinTicket = o.MinTicket?.ToString(CultureInfo.InvariantCulture),
            ContactEmail = o.ContactEmail, OriginalCulture = o.OriginalCulture, Version = o.Version,
        };
        foreach (var t in o.Translations)
        {
            var fields = form.Text(t.Culture);
            fields.Title = t.Title;
            fields.Summary = t.Summary;
            fields.Description = t.Description;
            if (t.Provenance is not (TranslationProvenance.Unspecified or TranslationProvenance.Original)) fields.Provenance = t.Provenance;
        }
        return form;
    }

    /// <summary>An error, in the page language, for each wrong field, by its name in the form ("Sector", "Zh.Title"…).</summary>
    public IReadOnlyList<(string Field, string Message)> Validate(PortalTaxonomy taxonomy, IStringLocalizer l, IReadOnlyCollection<Guid> organizations)
    {
        var errors = new List<(string Field, string Message)>();
        void Error(string field, string message) => errors.Add((field, message));
        void Choice(string field, string? code, Func<string?, TaxonomyTerm?> find, bool required)
        {
            if (string.IsNullOrWhiteSpace(code)) { if (required) Error(field, l["Validation.Choice"]); }
            else if (find(code) is null) Error(field, l["Validation.Choice"]);
        }

        if (OrganizationId is not { } org || !organizations.Contains(org)) Error(nameof(OrganizationId), l["Validation.Choice"]);
        Choice(nameof(Sector), Sector, taxonomy.Sector, required: true);
        Choice(nameof(Location), Location, taxonomy.Location, required: true);
        if (PositionInput.Check(Latitude, Longitude) is { } position)
            Error(position.Field == PositionField.Longitude ? nameof(Longitude) : nameof(Latitude), l[position.MessageKey]);
        Choice(nameof(PartnerRegion), PartnerRegion, taxonomy.PartnerRegion, required: false);
        Choice(nameof(Stage), Stage, taxonomy.Stage, required: false);
        if (Modes.Any(m => taxonomy.Mode(m) is null)) Error(nameof(Modes), l["Validation.Choice"]);
        if (!MoneyRule.IsCurrency(Currency)) Error(nameof(Currency), l["Validation.Choice"]);
        if (string.IsNullOrWhiteSpace(Amount)) Error(nameof(Amount), l["Validation.Required", l["Opportunity.Investment"]]);
        else if (MoneyInput.Error(MoneyInput.Parse(Amount), l, "Publishing.AmountInvalid") is { } amountError) Error(nameof(Amount), amountError);
        if (!string.IsNullOrWhiteSpace(MinTicket) && MoneyInput.Error(MoneyInput.Parse(MinTicket), l, "Publishing.AmountInvalid") is { } minError) Error(nameof(MinTicket), minError);
        else if (MoneyInput.Parse(MinTicket) is { } min && MoneyInput.Parse(Amount) is { } total && min > total) Error(nameof(MinTicket), l["Publishing.MinTicketTooLarge"]);
        if (ParseTags(Tags).Count > TagsMax) Error(nameof(Tags), l["Publishing.TooManyTags", TagsMax]);
        if (string.IsNullOrWhiteSpace(ContactEmail)) Error(nameof(ContactEmail), l["Validation.Required", l["Opportunity.Contact"]]);
        else if (!EmailAddresses.CanSendTo(ContactEmail.Trim())) Error(nameof(ContactEmail), l["Validation.Email"]);
        if (!Cultures.IsSupported(OriginalCulture)) Error(nameof(OriginalCulture), l["Validation.Choice"]);
        foreach (var culture in Cultures.All)
        {
            var text = Text(culture);
            var prefix = culture[..1].ToUpperInvariant() + culture[1..];
            var mustHaveTitle = culture == OriginalCulture || !text.IsEmpty;
            if (mustHaveTitle && string.IsNullOrWhiteSpace(text.Title)) Error($"{prefix}.Title", l["Publishing.TitleRequired", l[$"Language.{culture}"]]);
            if (text.Title?.Trim().Length > TitleMax) Error($"{prefix}.Title", l["Validation.Length", l["Publishing.Title"], TitleMax]);
            if (text.Summary?.Trim().Length > SummaryMax) Error($"{prefix}.Summary", l["Validation.Length", l["Publishing.Summary"], SummaryMax]);
            if (text.Description?.Trim().Length > DescriptionMax) Error($"{prefix}.Description", l["Validation.Length", l["Opportunity.Description"], DescriptionMax]);
            if (!EditableProvenances.Contains(text.Provenance)) Error($"{prefix}.Provenance", l["Validation.Choice"]);
        }
        return errors;
    }

    /// <summary>Copies a valid form onto the entity; languages left empty lose their texts.</summary>
    public void ApplyTo(Opportunity o)
    {
        o.OrganizationId = OrganizationId!.Value;
        o.SectorCode = Sector!;
        o.LocationCode = Location!;
        var point = PositionInput.Parse(Latitude, Longitude);
        o.Latitude = point?.Latitude;
        o.Longitude = point?.Longitude;
        o.PartnerRegionCode = Blank(PartnerRegion);
        o.StageCode = Blank(Stage);
        o.CooperationModes = Modes.Distinct().ToList();
        o.TotalAmount = MoneyInput.Parse(Amount)!.Value;
        o.MinTicket = MoneyInput.Parse(MinTicket);
        o.Currency = Currency;
        o.Tags = ParseTags(Tags);
        o.ContactEmail = ContactEmail!.Trim();
        o.OriginalCulture = OriginalCulture;
        foreach (var culture in Cultures.All)
        {
            var text = Text(culture);
            var row = o.Translations.FirstOrDefault(t => t.Culture == culture);
            if (text.IsEmpty)
            {
                if (row is not null) o.Translations.Remove(row);
                continue;
            }
            if (row is null) o.Translations.Add(row = new OpportunityTranslation { OpportunityId = o.Id, Culture = culture });
            row.Title = text.Title!.Trim();
            row.Summary = Blank(text.Summary);
            row.Description = Blank(text.Description);
            row.Provenance = TranslationProvenanceCodes.For(culture, OriginalCulture, text.Provenance);
        }
        // The slug follows the title until the listing is first published; after that links to it must keep working.
        if (o.PublishedAt is null)
            o.Slug = Slugs.Make(o.ExternalRef, Blank(En.Title) ?? Blank(Ru.Title));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();


    public static List<string> ParseTags(string? s) => string.IsNullOrWhiteSpace(s) ? []
        : s.Split([',', '，', '、', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => t.Length is > 0 and <= 64).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
