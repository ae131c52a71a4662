using System.Text.Json;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Glossary;

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
    /// <summary>
    /// Phrases whose stems are too weak (see <see cref="IsWeak"/>), by their first word's known forms: each position
    /// must be one of that word's forms (<see cref="WordForms"/>), not just share its stem.
    /// </summary>
    private readonly Dictionary<string, List<(IReadOnlySet<string>[] Forms, string Concept)>> _forms;
    /// <summary>
    /// Stem of a term's words written together → its concepts, so spellings that differ only by hyphens or spaces meet:
    /// Суйфэнь-хэ / Суйфэньхэ, Sui Fen He / Suifenhe, Da Hinggan Ling / Dahinggan Ling. Weak terms are left out.
    /// </summary>
    private readonly Dictionary<string, string[]> _compact;
    /// <summary>
    /// What a word must begin with to stem to a <see cref="_words"/> key, and a joined spelling to a
    /// <see cref="_compact"/> key (<see cref="StemHeads"/>). Checked before stemming: stemming every word of a text,
    /// and up to four joined spellings at each, was most of concept matching when a rebuild builds its documents.
    /// </summary>
    private readonly StemHeads _wordHeads;
    private readonly StemHeads _compactHeads;

    /// <summary>At most this many adjacent words are joined when looking for a term written together.</summary>
    public const int MaxJoinedWords = 4;
    /// <summary>Shorter joined spellings are not looked up: two short words would too easily make another term.</summary>
    public const int MinCompactLength = 5;

    /// <summary>Russian stems this short are matched by known word forms only: they collide too easily (мед, граф, угол).</summary>
    public const int MaxWeakStemLength = 4;

    public static Glossary Empty { get; } = new([]);

    public Glossary(IEnumerable<GlossaryConcept> concepts)
    {
        Concepts = concepts.ToList();
        _byId = new Dictionary<string, GlossaryConcept>(StringComparer.Ordinal);
        var han = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var words = new Dictionary<string, List<(string[] Stems, string Concept)>>(StringComparer.Ordinal);
        var phrases = new List<(string[] Words, string[] Stems, string Concept)>();
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
                var termWords = TextTokens.Words(term).ToArray();
                if (termWords.Length > 0) phrases.Add((termWords, termWords.Select(TextTokens.Stem).ToArray(), c.Id));
            }
        }
        // Which concepts each stem sequence stands for: a sequence of two concepts is weak, whatever its length.
        var owners = phrases.GroupBy(p => string.Join(' ', p.Stems), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Concept).Distinct().Count(), StringComparer.Ordinal);
        var forms = new Dictionary<string, List<(IReadOnlySet<string>[] Forms, string Concept)>>(StringComparer.Ordinal);
        var joinedTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (termWords, stems, concept) in phrases)
        {
            var weak = IsWeak(stems, termWords, owners[string.Join(' ', stems)]);
            if (!weak && CompactKey(termWords) is { } key)
            {
                if (!joinedTerms.TryGetValue(key, out var ids)) joinedTerms[key] = ids = [];
                ids.Add(concept);
            }
            if (weak)
            {
                var perWord = termWords.Select(WordForms.Of).ToArray();
                foreach (var first in perWord[0])
                {
                    if (!forms.TryGetValue(first, out var byForm)) forms[first] = byForm = [];
                    byForm.Add((perWord, concept));
                }
                continue;
            }
            if (!words.TryGetValue(stems[0], out var list)) words[stems[0]] = list = [];
            if (!list.Any(e => e.Concept == concept && e.Stems.SequenceEqual(stems))) list.Add((stems, concept));
        }
        _forms = forms;
        _compact = joinedTerms.ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _compactHeads = new StemHeads(_compact.Keys);
        _wordHeads = new StemHeads(words.Keys);
        _han = han.ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _hanLookup = _han.GetAlternateLookup<ReadOnlySpan<char>>();
        _hanMaxLength = _han.Count == 0 ? 0 : _han.Keys.Max(k => k.Length);
        foreach (var list in words.Values) list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        _words = words;
    }

    /// <summary>
    /// A term is matched by its word forms rather than its stems when its stem sequence belongs to more than one
    /// concept, or when it is one Russian word whose stem has at most <see cref="MaxWeakStemLength"/> letters.
    /// </summary>
    private static bool IsWeak(string[] stems, string[] words, int concepts) =>
        concepts > 1 || (stems.Length == 1 && stems[0].Length <= MaxWeakStemLength && words[0].Any(TextTokens.IsCyrillic));

    /// <summary>
    /// The stem of the words written together (ё as е, apostrophes dropped: Bei'an = Beian), or null when that is too
    /// short to be told apart.
    /// </summary>
    private static string? CompactKey(IReadOnlyList<string> words)
    {
        var joined = string.Concat(words.Select(w => WordForms.Normalize(w).Replace("'", "", StringComparison.Ordinal)));
        return joined.Length >= MinCompactLength && !joined.All(char.IsDigit) ? TextTokens.Stem(joined) : null;
    }

    public IReadOnlyList<GlossaryConcept> Concepts { get; }
    public int Count => Concepts.Count;
    public GlossaryConcept? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Concept ids found in the texts, in order of first appearance, each once.</summary>
    public IReadOnlyList<string> ConceptsIn(params IEnumerable<string?> texts)
    {
        var found = new ConceptsFound();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            if (_hanMaxLength > 0) MatchHan(text, found);
            if (_words.Count > 0 || _forms.Count > 0) MatchWords(text, found);
        }
        return found.Ids;
    }

    private void MatchHan(string text, ConceptsFound found)
    {
        text = JoinHanAcrossSpaces(text);
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
                        found.AddRange(ids);
                        matched = len;
                        break;
                    }
                }
                i += matched > 0 ? matched : 1;
            }
        }
    }

    /// <summary>Spaces between two Han characters removed (绥芬 河 → 绥芬河): Chinese is written without them, so they only split a name.</summary>
    private static string JoinHanAcrossSpaces(string text)
    {
        System.Text.StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && i > 0 && TextTokens.IsHan(text[i - 1]))
            {
                var next = i;
                while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
                if (next < text.Length && TextTokens.IsHan(text[next]))
                {
                    sb ??= new System.Text.StringBuilder(text, 0, i, text.Length);
                    i = next - 1;
                    continue;
                }
            }
            sb?.Append(c);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// At each word the longest phrase found by stems or by known forms wins; phrases of that length all count. A word
    /// is stemmed only when a phrase could start or go on with it (<see cref="StemHeads"/>), and once.
    /// </summary>
    private void MatchWords(string text, ConceptsFound found)
    {
        var words = new List<string>();
        var longestWord = 0;
        foreach (var word in TextTokens.Words(text))
        {
            var normalized = WordForms.Normalize(word);
            words.Add(normalized);
            longestWord = Math.Max(longestWord, normalized.Length);
        }
        var stems = new string?[words.Count];
        string StemAt(int index) => stems[index] ??= TextTokens.Stem(words[index]);
        var longestHere = new List<string>();
        // A joined spelling of up to MaxJoinedWords words without apostrophes, built here before it is stemmed.
        var joined = new char[MaxJoinedWords * longestWord];
        var i = 0;
        while (i < words.Count)
        {
            var longest = 0;
            longestHere.Clear();
            void Matched(int length, string concept)
            {
                if (length < longest) return;
                if (length > longest) longestHere.Clear();
                longest = length;
                longestHere.Add(concept);
            }
            if (_wordHeads.MayBeStemOf(words[i]) && _words.TryGetValue(StemAt(i), out var byStem))
                foreach (var (phrase, concept) in byStem)
                {
                    if (i + phrase.Length > words.Count || longest > phrase.Length) continue;
                    var ok = true;
                    for (var k = 1; k < phrase.Length && ok; k++)
                        ok = StemHeads.MayBeStemOf(phrase[k], words[i + k]) && phrase[k] == StemAt(i + k);
                    if (ok) Matched(phrase.Length, concept);
                }
            if (_forms.TryGetValue(words[i], out var byForm))
                foreach (var (phrase, concept) in byForm)
                {
                    if (i + phrase.Length > words.Count || longest > phrase.Length) continue;
                    var ok = true;
                    for (var k = 1; k < phrase.Length && ok; k++) ok = phrase[k].Contains(words[i + k]);
                    if (ok) Matched(phrase.Length, concept);
                }
            if (_compact.Count > 0 && longest <= MaxJoinedWords)
            {
                // The same term written with more or fewer spaces or hyphens: join up to MaxJoinedWords words.
                var length = 0;
                var head = StemHeads.Start;
                var reached = _compactHeads.EndsHead(head);
                for (var k = 1; k <= MaxJoinedWords && i + k <= words.Count; k++)
                {
                    foreach (var c in words[i + k - 1])
                    {
                        if (c == '\'') continue;
                        joined[length++] = c;
                        if (reached || head == StemHeads.Gone) continue;
                        head = _compactHeads.Follow(head, c);
                        reached = _compactHeads.EndsHead(head);
                    }
                    if (!reached)
                    {
                        // Off the tree: no longer spelling from here begins like a key either.
                        if (head == StemHeads.Gone) break;
                        continue;
                    }
                    if (k < longest || length < MinCompactLength) continue;
                    if (_compact.TryGetValue(TextTokens.Stem(new string(joined, 0, length)), out var ids))
                        foreach (var id in ids) Matched(k, id);
                }
            }
            if (longestHere.Count > 0) found.AddRange(longestHere);
            i += Math.Max(1, longest);
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
