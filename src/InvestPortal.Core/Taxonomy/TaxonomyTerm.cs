using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;

namespace InvestPortal.Core.Taxonomy;

/// <summary>A code with its label in each of zh, ru and en; locations also have a position (their seat, in WGS 84 degrees).</summary>
public sealed record TaxonomyTerm(string Code, IReadOnlyDictionary<string, string> Labels, string? Parent = null, GeoPoint? Position = null)
{
    public string Label(string culture) =>
        Labels.TryGetValue(culture, out var label) ? label : Labels.GetValueOrDefault(Cultures.En, Code);
}
