namespace InvestPortal.Web.Landing;

/// <summary>One kind of bar: its legend name, the CSS class that colours it, one value per category (null: not shown).</summary>
public sealed record BarSeries(string Name, string CssClass, IReadOnlyList<int?> Values);
