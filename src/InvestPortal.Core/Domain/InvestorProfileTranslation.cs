namespace InvestPortal.Core.Domain;

public class InvestorProfileTranslation : ICultureRow
{
    public Guid InvestorProfileId { get; set; }
    public string Culture { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}
