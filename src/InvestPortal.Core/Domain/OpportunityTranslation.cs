namespace InvestPortal.Core.Domain;

public class OpportunityTranslation : ICultureRow
{
    public Guid OpportunityId { get; set; }
    public string Culture { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string? Description { get; set; }
    /// <summary>Where this text came from; readers see it next to the text.</summary>
    public TranslationProvenance Provenance { get; set; }
}
