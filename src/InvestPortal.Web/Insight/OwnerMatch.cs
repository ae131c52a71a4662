using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Insight;

/// <summary>One investor the engine matched to an opportunity, with the reasons in the reader's language.</summary>
public sealed record OwnerMatch(InvestorView Investor, string Score, IReadOnlyList<string> Reasons);
