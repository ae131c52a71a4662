namespace InvestPortal.Core.Domain;

public static class Roles
{
    public const string Investor = nameof(Investor);
    public const string Official = nameof(Official);
    public const string Enterprise = nameof(Enterprise);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Investor, Official, Enterprise, Admin];

    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
