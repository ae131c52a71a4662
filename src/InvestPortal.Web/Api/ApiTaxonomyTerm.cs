using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Api;

public sealed record ApiTaxonomyTerm(string Code, string? Parent, IReadOnlyDictionary<string, string> Labels)
{
    public static ApiTaxonomyTerm From(TaxonomyTerm t) => new(t.Code, t.Parent, t.Labels);
}
