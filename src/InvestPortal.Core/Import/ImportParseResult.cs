using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

public sealed record ImportParseResult(IReadOnlyList<ImportRecord> Records, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
