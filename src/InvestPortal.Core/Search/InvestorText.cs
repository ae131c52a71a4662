using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

public sealed record InvestorText(string Name, string? Description);
