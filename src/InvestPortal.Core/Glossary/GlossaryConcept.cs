using System.Text.Json;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Glossary;

/// <summary>One idea with its words in each language: timber = 木材, 原木 = древесина, лесоматериалы = timber, lumber, logs.</summary>
public sealed record GlossaryConcept(string Id, string? Sector, IReadOnlyList<string> Zh, IReadOnlyList<string> Ru, IReadOnlyList<string> En)
{
    public IReadOnlyList<string> Terms(string culture) => culture switch
    {
        Cultures.Zh => Zh,
        Cultures.Ru => Ru,
        Cultures.En => En,
        _ => [],
    };
}
