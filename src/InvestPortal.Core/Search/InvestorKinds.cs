using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

public static class InvestorKinds
{
    public static string Code(InvestorKind kind) => kind switch
    {
        InvestorKind.Corporate => "corporate",
        InvestorKind.Fund => "fund",
        InvestorKind.StateOwned => "state-owned",
        InvestorKind.Bank => "bank",
        InvestorKind.Individual => "individual",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<InvestorKind>().Select(Code)];
}
