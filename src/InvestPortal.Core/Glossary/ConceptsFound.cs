namespace InvestPortal.Core.Glossary;

/// <summary>Concept ids in order of first appearance, each once: what <see cref="Glossary.ConceptsIn"/> collects.</summary>
internal sealed class ConceptsFound
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public List<string> Ids { get; } = [];

    public void Add(string id)
    {
        if (_seen.Add(id)) Ids.Add(id);
    }

    public void AddRange(string[] ids)
    {
        foreach (var id in ids) Add(id);
    }

    public void AddRange(List<string> ids)
    {
        foreach (var id in ids) Add(id);
    }
}
