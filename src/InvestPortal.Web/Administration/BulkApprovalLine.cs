using System.Text.Json;

namespace InvestPortal.Web.Administration;

/// <summary>One listing's outcome in a bulk approval, carried to the next page as JSON.</summary>
public sealed record BulkApprovalLine(string Title, string MessageKey, bool Ok)
{
    public static string ToJson(IEnumerable<BulkApprovalLine> lines) => JsonSerializer.Serialize(lines);

    public static IReadOnlyList<BulkApprovalLine> FromJson(string? json) =>
        json is { Length: > 0 } ? JsonSerializer.Deserialize<List<BulkApprovalLine>>(json) ?? [] : [];
}
