using InvestPortal.Core.Domain;

namespace InvestPortal.Web.Investing;

/// <summary>The "Save this search" form's own fields (the query travels as the search page's parameters).</summary>
public sealed class SaveSearchInput
{
    public string? Name { get; set; }
    public AlertFrequency? Frequency { get; set; }
}
