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

/// <summary>
/// The domain glossary (content/glossary.jsonl) and the one place text becomes concept ids, for documents at
/// index time and for queries at search time, in every engine. Chinese is matched by dictionary (forward
/// longest match over runs of Han characters); Russian and English by sequences of stemmed words, so a term
/// and its inflected forms meet. Immutable and thread-safe.
/// </summary>
public sealed class Glossary
{
    private readonly Dictionary<string, GlossaryConcept> _byId;
    private readonly Dictionary<string, string[]> _han;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _hanLookup;
    private readonly int _hanMaxLength;
    /// <summary>first stem → phrases starting with it, longest first.</summary>
    private readonly Dictionary<string, List<(string[] Stems, string Concept)>> _words;

    public static Glossary Empty { get; } = new([]);

    public Glossary(IEnumerable<GlossaryConcept> concepts)
    {
        Concepts = concepts.ToList();
        _byId = new Dictionary<string, GlossaryConcept>(StringComparer.Ordinal);
        var han = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var words = new Dictionary<string, List<(string[] Stems, string Concept)>>(StringComparer.Ordinal);
        foreach (var c in Concepts)
        {
            if (!_byId.TryAdd(c.Id, c)) throw new InvalidDataException($"Glossary concept '{c.Id}' appears twice.");
            foreach (var term in c.Zh.Concat(c.Ru).Concat(c.En))
            {
                var compact = string.Concat(term.Where(ch => !char.IsWhiteSpace(ch)));
                if (compact.Length > 0 && compact.All(TextTokens.IsHan))
                {
                    if (!han.TryGetValue(compact, out var set)) han[compact] = set = [];
                    set.Add(c.Id);
                    continue;
                }
                var stems = TextTokens.Stems(term).ToArray();
                if (stems.Length == 0) continue;
                if (!words.TryGetValue(stems[0], out var list)) words[stems[0]] = list = [];
                if (!list.Any(e => e.Concept == c.Id && e.Stems.SequenceEqual(stems))) list.Add((stems, c.Id));
            }
        }
        _han = han.ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _hanLookup = _han.GetAlternateLookup<ReadOnlySpan<char>>();
        _hanMaxLength = _han.Count == 0 ? 0 : _han.Keys.Max(k => k.Length);
        foreach (var list in words.Values) list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        _words = words;
    }

    public IReadOnlyList<GlossaryConcept> Concepts { get; }
    public int Count => Concepts.Count;
    public GlossaryConcept? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Concept ids found in the texts, in order of first appearance, each once.</summary>
    public IReadOnlyList<string> ConceptsIn(params IEnumerable<string?> texts)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<string> ids)
        {
            foreach (var id in ids) if (seen.Add(id)) found.Add(id);
        }
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            if (_hanMaxLength > 0) MatchHan(text, Add);
            if (_words.Count > 0) MatchWords(text, Add);
        }
        return found;
    }

    private void MatchHan(string text, Action<IEnumerable<string>> add)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!TextTokens.IsHan(text[i])) { i++; continue; }
            var runEnd = i;
            while (runEnd < text.Length && TextTokens.IsHan(text[runEnd])) runEnd++;
            // Forward longest match inside the run of Han characters.
            while (i < runEnd)
            {
                var matched = 0;
                for (var len = Math.Min(_hanMaxLength, runEnd - i); len >= 1; len--)
                {
                    if (_hanLookup.TryGetValue(text.AsSpan(i, len), out var ids))
                    {
                        add(ids);
                        matched = len;
                        break;
                    }
                }
                i += matched > 0 ? matched : 1;
            }
        }
    }

    private void MatchWords(string text, Action<IEnumerable<string>> add)
    {
        var stems = TextTokens.Stems(text).ToList();
        var i = 0;
        while (i < stems.Count)
        {
            var advance = 1;
            if (_words.TryGetValue(stems[i], out var candidates))
            {
                foreach (var (phrase, concept) in candidates)
                {
                    if (i + phrase.Length > stems.Count || advance > phrase.Length) continue;
                    var ok = true;
                    for (var k = 1; k < phrase.Length && ok; k++) ok = phrase[k] == stems[i + k];
                    if (!ok) continue;
                    add([concept]);
                    advance = phrase.Length; // same-length phrases of other concepts still match
                }
            }
            i += advance;
        }
    }

    public static Glossary Load(string path)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>The glossary at <paramref name="path"/>, or an empty one when the file does not exist yet.</summary>
    public static Glossary LoadOrEmpty(string path) => File.Exists(path) ? Load(path) : Empty;

    public static Glossary Parse(TextReader reader, string source = "glossary")
    {
        var concepts = new List<GlossaryConcept>();
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            ConceptDto? dto;
            try { dto = JsonSerializer.Deserialize<ConceptDto>(line, JsonOptions); }
            catch (JsonException ex) { throw new InvalidDataException($"{source} line {lineNumber}: {ex.Message}", ex); }
            if (dto is null || string.IsNullOrWhiteSpace(dto.Id))
                throw new InvalidDataException($"{source} line {lineNumber}: a concept needs an \"id\".");
            static IReadOnlyList<string> Clean(List<string>? terms) =>
                (terms ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
            var concept = new GlossaryConcept(dto.Id.Trim(), dto.Sector, Clean(dto.Zh), Clean(dto.Ru), Clean(dto.En));
            if (concept.Zh.Count + concept.Ru.Count + concept.En.Count == 0)
                throw new InvalidDataException($"{source} line {lineNumber}: concept '{concept.Id}' has no terms.");
            concepts.Add(concept);
        }
        try { return new Glossary(concepts); }
        catch (InvalidDataException ex) { throw new InvalidDataException($"{source}: {ex.Message}", ex); }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed class ConceptDto
    {
        public string Id { get; set; } = "";
        public string? Sector { get; set; }
        public List<string>? Zh { get; set; }
        public List<string>? Ru { get; set; }
        public List<string>? En { get; set; }
    }
}
