using InvestPortal.Notifications.Email;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Investing;

/// <summary>
/// The investor profile editor's fields, kept as typed (amounts are strings), so a form with an
/// error comes back exactly as entered.
/// </summary>
public sealed class ProfileForm
{
    // RegionMax is the column's width (InvestorProfileConfiguration): a free-text region is a short name.
    public const int NameMax = 200, DescriptionMax = 5000, RegionMax = 16;

    public string? Kind { get; set; }
    public string? Country { get; set; }
    /// <summary>A Russian partner-region code, or "other" with <see cref="HomeRegionOther"/> as free text.</summary>
    public string? HomeRegion { get; set; }
    public string? HomeRegionOther { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public List<string> Locations { get; set; } = [];
    public List<string> Modes { get; set; } = [];
    public string? TicketMin { get; set; }
    public string? TicketMax { get; set; }
    public string TicketCurrency { get; set; } = "CNY";
    public string? ContactEmail { get; set; }
    public string Visibility { get; set; } = nameof(ProfileVisibility.Public);
    public string OriginalCulture { get; set; } = Cultures.En;
    public ProfileText Zh { get; set; } = new();
    public ProfileText Ru { get; set; } = new();
    public ProfileText En { get; set; } = new();

    public const string OtherRegion = "other";

    public ProfileText Text(string culture) => culture switch { Cultures.Zh => Zh, Cultures.Ru => Ru, _ => En };


    /// <summary>A new profile starts in the page's language, for the usual investor kind.</summary>
    public static ProfileForm New(string culture) => new()
    {
        OriginalCulture = culture, Languages = [culture], Kind = InvestorKinds.Code(InvestorKind.Corporate),
        Country = culture switch { Cultures.Ru => "RU", Cultures.Zh => "CN", _ => null },
    };

    public static ProfileForm From(InvestorProfile p, PortalTaxonomy taxonomy)
    {
        var known = taxonomy.PartnerRegion(p.HomeRegion) is not null;
        var form = new ProfileForm
        {
            Kind = InvestorKinds.Code(p.Kind), Country = p.Country,
            HomeRegion = string.IsNullOrEmpty(p.HomeRegion) ? null : known ? p.HomeRegion : OtherRegion,
            HomeRegionOther = known ? null : p.HomeRegion,
            Languages = [.. p.Languages], Sectors = [.. p.Sectors], Locations = [.. p.Locations], Modes = [.. p.CooperationModes],
            TicketMin = p.TicketMin?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TicketMax = p.TicketMax?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TicketCurrency = p.TicketCurrency, ContactEmail = p.ContactEmail, Visibility = p.Visibility.ToString(),
            OriginalCulture = p.OriginalCulture,
        };
        foreach (var t in p.Translations)
        {
            var text = form.Text(t.Culture);
            text.Name = t.Name;
            text.Description = t.Description;
        }
        return form;
    }

    /// <summary>A localized error for each wrong field, by its name in the form ("TicketMax", "Ru.Name"…).</summary>
    public IReadOnlyList<(string Field, string Message)> Validate(PortalTaxonomy taxonomy, IStringLocalizer l)
    {
        var errors = new List<(string Field, string Message)>();
        void Error(string field, string message) => errors.Add((field, message));

        if (!InvestorKinds.All.Contains(Kind ?? "")) Error(nameof(Kind), l["Validation.Choice"]);
        if (string.IsNullOrWhiteSpace(Country)) Error(nameof(Country), l["Validation.Required", l["Investor.Country"]]);
        else if (!Countries.IsKnown(Country.Trim())) Error(nameof(Country), l["Validation.Country"]);
        if (HomeRegion == OtherRegion)
        {
            if (string.IsNullOrWhiteSpace(HomeRegionOther)) Error(nameof(HomeRegionOther), l["Validation.Required", l["Investor.HomeRegion"]]);
            else if (HomeRegionOther.Trim().Length > RegionMax) Error(nameof(HomeRegionOther), l["Validation.Length", l["Investor.HomeRegion"], RegionMax]);
        }
        else if (!string.IsNullOrEmpty(HomeRegion) && taxonomy.PartnerRegion(HomeRegion) is null) Error(nameof(HomeRegion), l["Validation.Choice"]);
        if (Languages.Count == 0) Error(nameof(Languages), l["Profile.Error.Language"]);
        else if (Languages.Any(c => !Cultures.IsSupported(c))) Error(nameof(Languages), l["Profile.Error.UnknownCode"]);
        if (Sectors.Count == 0) Error(nameof(Sectors), l["Profile.Error.Sector"]);
        else if (Sectors.Any(c => taxonomy.Sector(c) is null)) Error(nameof(Sectors), l["Profile.Error.UnknownCode"]);
        if (Locations.Any(c => taxonomy.Location(c) is null)) Error(nameof(Locations), l["Profile.Error.UnknownCode"]);
        if (Modes.Any(c => taxonomy.Mode(c) is null)) Error(nameof(Modes), l["Profile.Error.UnknownCode"]);
        if (!MoneyRule.IsCurrency(TicketCurrency)) Error(nameof(TicketCurrency), l["Validation.Choice"]);
        var min = Amount(nameof(TicketMin), TicketMin);
        var max = Amount(nameof(TicketMax), TicketMax);
        if (min is { } a && max is { } b && a > b) Error(nameof(TicketMax), l["Profile.Error.TicketRange"]);
        if (!string.IsNullOrWhiteSpace(ContactEmail) && !EmailAddresses.CanSendTo(ContactEmail.Trim()))
            Error(nameof(ContactEmail), l["Validation.Email"]);
        if (!Enum.TryParse<ProfileVisibility>(Visibility, out var v) || !Enum.IsDefined(v)) Error(nameof(Visibility), l["Validation.Choice"]);
        if (!Cultures.IsSupported(OriginalCulture)) Error(nameof(OriginalCulture), l["Validation.Choice"]);
        foreach (var culture in Cultures.All)
        {
            var text = Text(culture);
            var prefix = culture[..1].ToUpperInvariant() + culture[1..];
            if ((culture == OriginalCulture || !text.IsEmpty) && string.IsNullOrWhiteSpace(text.Name))
                Error($"{prefix}.Name", l["Profile.Error.NameRequired", l[$"Language.{culture}"]]);
            if (text.Name?.Trim().Length > NameMax) Error($"{prefix}.Name", l["Validation.Length", l["Profile.Name"], NameMax]);
            if (text.Description?.Trim().Length > DescriptionMax) Error($"{prefix}.Description", l["Validation.Length", l["Investor.About"], DescriptionMax]);
        }
        return errors;

        decimal? Amount(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var parsed = MoneyInput.Parse(value);
            if (MoneyInput.Error(parsed, l, "Publishing.AmountInvalid", allowZero: true) is not { } message) return parsed;
            Error(field, message);
            return null;
        }
    }

    /// <summary>Copies a valid form onto the profile; languages left empty lose their texts.</summary>
    public void ApplyTo(InvestorProfile p)
    {
        p.Kind = Enum.GetValues<InvestorKind>().First(k => InvestorKinds.Code(k) == Kind);
        p.Country = Country!.Trim().ToUpperInvariant();
        p.HomeRegion = HomeRegion == OtherRegion ? HomeRegionOther!.Trim() : string.IsNullOrEmpty(HomeRegion) ? null : HomeRegion;
        p.Languages = Cultures.All.Where(Languages.Contains).ToList();
        p.Sectors = Sectors.Distinct().ToList();
        p.Locations = Locations.Distinct().ToList();
        p.CooperationModes = Modes.Distinct().ToList();
        p.TicketMin = MoneyInput.Parse(TicketMin);
        p.TicketMax = MoneyInput.Parse(TicketMax);
        p.TicketCurrency = TicketCurrency;
        p.ContactEmail = string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim();
        p.Visibility = Enum.Parse<ProfileVisibility>(Visibility);
        p.OriginalCulture = OriginalCulture;
        foreach (var culture in Cultures.All)
        {
            var text = Text(culture);
            var row = p.Translations.FirstOrDefault(t => t.Culture == culture);
            if (text.IsEmpty)
            {
                if (row is not null) p.Translations.Remove(row);
                continue;
            }
            if (row is null) p.Translations.Add(row = new InvestorProfileTranslation { InvestorProfileId = p.Id, Culture = culture });
            row.Name = text.Name!.Trim();
            row.Description = string.IsNullOrWhiteSpace(text.Description) ? null : text.Description.Trim();
        }
    }
}
