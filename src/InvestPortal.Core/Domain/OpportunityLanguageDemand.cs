namespace InvestPortal.Core.Domain;

/// <summary>
/// Per listing, month and interface language: how many readers opened the listing in a language it has no
/// text in (and so read it in another one). Behind "38 readers in Russian saw this only in Chinese this month".
/// </summary>
public class OpportunityLanguageDemand
{
    public Guid OpportunityId { get; set; }
    /// <summary>The first day of the (UTC) month.</summary>
    public DateOnly Month { get; set; }
    public string Culture { get; set; } = "";
    public int Readers { get; set; }
}
