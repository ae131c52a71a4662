namespace InvestPortal.Web.Home;

/// <summary>The home page's whole-catalogue figures: published listings per sector, public investors, locations, the total in CNY.</summary>
public sealed record KeyFigures(IReadOnlyDictionary<string, int> SectorCounts, int InvestorCount, int LocationCount, decimal TotalCny);
