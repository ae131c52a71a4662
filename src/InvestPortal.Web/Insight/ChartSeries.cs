using System.Globalization;
using System.Text;
using System.Xml;

namespace InvestPortal.Web.Insight;

/// <summary>One line of a chart: its legend name, the CSS class that colours it, one value per day.</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<int> Values);
