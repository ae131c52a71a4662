using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Api;

public sealed record ApiPage<T>(long Total, int Page, int PageSize, IReadOnlyList<T> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Facets);
