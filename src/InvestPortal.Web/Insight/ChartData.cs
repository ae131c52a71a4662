using System.Globalization;
using System.Text;
using System.Xml;

namespace InvestPortal.Web.Insight;

/// <summary>What a chart shows: days along the x axis and one or more daily series.</summary>
public sealed record ChartData(string Id, string Title, string Description, IReadOnlyList<DateOnly> Days,
    IReadOnlyList<ChartSeries> Series, string Culture);
