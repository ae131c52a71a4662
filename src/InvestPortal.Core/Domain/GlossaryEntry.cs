using InvestPortal.Core.Glossary;

namespace InvestPortal.Core.Domain;

/// <summary>
/// One glossary concept as stored in the database, which is the glossary's source of truth once seeded from
/// content/glossary.jsonl, so every web node sees the same admin edits. Named Entry, not Concept, because
/// <see cref="GlossaryConcept"/> (the immutable matching model) already has that name in Core.Glossary and
/// files importing both namespaces would become ambiguous.
/// </summary>
public class GlossaryEntry
{
    /// <summary>Lowercase ASCII words joined by hyphens, e.g. "sawn-timber"; documents and queries carry it.</summary>
    public string Id { get; set; } = "";
    /// <summary>A taxonomy sector code, or null for concepts that cross sectors (trade terms, place names).</summary>
    public string? Sector { get; set; }
    public List<string> Zh { get; set; } = [];
    public List<string> Ru { get; set; } = [];
    public List<string> En { get; set; } = [];
    /// <summary>Never moves backwards across edits (see GlossaryAdmin), so nodes can poll the newest value to notice changes.</summary>
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public string? UpdatedBy { get; set; }

    public GlossaryConcept ToConcept() => new(Id, Sector, Zh, Ru, En);

    public static GlossaryEntry From(GlossaryConcept concept, DateTimeOffset updatedAt, string? updatedBy) => new()
    {
        Id = concept.Id, Sector = concept.Sector, Zh = [.. concept.Zh], Ru = [.. concept.Ru], En = [.. concept.En],
        UpdatedAt = updatedAt, UpdatedBy = updatedBy,
    };
}
