using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

/// <summary>A text in one or more of zh/ru/en, in the order the file gave them (the first is the original).</summary>
public sealed record LocalizedText(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public string? this[string culture] => Values.FirstOrDefault(v => v.Key == culture).Value;
    public string? FirstCulture => Values.Count > 0 ? Values[0].Key : null;
    public static readonly LocalizedText Empty = new([]);
}
