using InvestPortal.Web.Localization;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Insight;

public sealed record InsightDashboard(int Listings, InsightTotals Totals, ChartData Chart);
