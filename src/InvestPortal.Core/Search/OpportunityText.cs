using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

public sealed record OpportunityText(string Title, string? Summary, string? Description);
