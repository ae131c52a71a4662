using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;

namespace InvestPortal.Web.Discovery;

public sealed record OpportunityHit(Opportunity Opportunity, double Score, IReadOnlyList<Highlight> Highlights);
