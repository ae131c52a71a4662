using InvestPortal.Core.Domain;
using InvestPortal.Core.Import;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Data.Import;

public sealed record ImportResult(
    IReadOnlyList<ImportError> Errors, int OpportunitiesCreated, int OpportunitiesUpdated, int InvestorsCreated, int InvestorsUpdated)
{
    public bool Succeeded => Errors.Count == 0;
    public int Total => OpportunitiesCreated + OpportunitiesUpdated + InvestorsCreated + InvestorsUpdated;
}
