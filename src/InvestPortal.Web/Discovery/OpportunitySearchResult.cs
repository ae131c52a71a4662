using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;

namespace InvestPortal.Web.Discovery;

public sealed record OpportunitySearchResult(
    long Total, IReadOnlyList<OpportunityHit> Hits, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);
