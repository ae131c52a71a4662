namespace InvestPortal.Core.Domain;

/// <summary>An admin's wording of a taxonomy label, overriding content/taxonomy.json for one code in one culture.</summary>
public class TaxonomyLabel
{
    /// <summary>sector, location, region, mode or stage.</summary>
    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public string Culture { get; set; } = "";
    public string Label { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
