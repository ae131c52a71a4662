namespace InvestPortal.Web.Landing;

/// <summary>A grouped horizontal bar chart: categories down the side (cities, sectors, months), one bar per series each.</summary>
public sealed record BarChartData(string Id, string Title, string Description, IReadOnlyList<string> Categories,
    IReadOnlyList<BarSeries> Series, string Culture, string? HiddenLabel = null);
