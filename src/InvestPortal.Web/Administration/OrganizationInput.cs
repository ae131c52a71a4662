using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>The fields an admin edits; names are optional per language but at least one is needed.</summary>
public sealed class OrganizationInput
{
    public string? NameZh { get; set; }
    public string? NameRu { get; set; }
    public string? NameEn { get; set; }
    public OrganizationKind Kind { get; set; } = OrganizationKind.GovernmentAgency;
    public string? Website { get; set; }
    public string? Country { get; set; }

    public const int MaxName = 200;
    public const int MaxWebsite = 300;

    /// <summary>Problems as (field, resource key) pairs; empty when the input can be saved.</summary>
    public List<(string Field, string Key)> Validate(bool isNew)
    {
        var problems = new List<(string, string)>();
        NameZh = Clean(NameZh); NameRu = Clean(NameRu); NameEn = Clean(NameEn); Website = Clean(Website);
        Country = Clean(Country)?.ToUpperInvariant();
        if (NameZh is null && NameRu is null && NameEn is null) problems.Add((nameof(NameZh), "AdminOrgs.Error.NameRequired"));
        foreach (var (field, value) in new[] { (nameof(NameZh), NameZh), (nameof(NameRu), NameRu), (nameof(NameEn), NameEn) })
            if (value is { Length: > MaxName }) problems.Add((field, "AdminOrgs.Error.NameTooLong"));
        if (!Enum.IsDefined(Kind) || (isNew && Kind is not (OrganizationKind.GovernmentAgency or OrganizationKind.DevelopmentZone)))
            problems.Add((nameof(Kind), "AdminOrgs.Error.Kind"));
        if (Website is not null && (Website.Length > MaxWebsite || !Uri.TryCreate(Website, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)))
            problems.Add((nameof(Website), "AdminOrgs.Error.Website"));
        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)))
            problems.Add((nameof(Country), "AdminOrgs.Error.Country"));
        return problems;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static OrganizationInput From(Organization o) => new()
    {
        NameZh = o.NameZh, NameRu = o.NameRu, NameEn = o.NameEn, Kind = o.Kind, Website = o.Website, Country = o.Country,
    };
}
