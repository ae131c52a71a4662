namespace InvestPortal.Web.Administration;

/// <summary>What the form posts. Terms are free text (one per line, or comma-separated); strings are nullable so MVC adds no implicit rules of its own.</summary>
public sealed class GlossaryInput
{
    public string? Id { get; set; }
    public string? Sector { get; set; }
    public string? Zh { get; set; }
    public string? Ru { get; set; }
    public string? En { get; set; }
    /// <summary>UtcTicks of the UpdatedAt the form was filled from, so a concurrent edit is noticed.</summary>
    public long Version { get; set; }
}
