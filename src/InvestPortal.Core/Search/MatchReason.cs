namespace InvestPortal.Core.Search;

/// <summary>Why a match was made, as codes the UI localizes: ("sector","forestry-timber"), ("location","231100"), ("ticket-fits", null), ("concept","timber").</summary>
public sealed record MatchReason(string Kind, string? Code = null)
{
    public override string ToString() => Code is null ? Kind : $"{Kind}:{Code}";
}
