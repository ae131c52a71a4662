namespace InvestPortal.Core.Domain;

public class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Slug { get; set; } = "";
    /// <summary>The name as registered, in its original language; the localized names below are optional.</summary>
    public string Name { get; set; } = "";
    public string? NameZh { get; set; }
    public string? NameRu { get; set; }
    public string? NameEn { get; set; }
    public OrganizationKind Kind { get; set; }
    public bool IsVerified { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? Website { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string NameIn(string culture) => culture switch
    {
        Cultures.Zh => NameZh,
        Cultures.Ru => NameRu,
        Cultures.En => NameEn,
        _ => null,
    } ?? Name;
}
