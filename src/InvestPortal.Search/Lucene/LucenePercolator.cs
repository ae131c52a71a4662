using System.Collections.Concurrent;
using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Saved searches tested against one new document: filters checked on the Core document (cheap), text by running
/// the very query search would run against a single-document <see cref="MemoryIndex"/>. Kept in memory and in a
/// journal next to the index (one JSON line per store or delete), so they survive restarts; a rebuild reloads them
/// from the database. Saving one search appends one line — rewriting the whole file cost 25 ms at 10,000 searches
/// and grew with their number; the journal is compacted (rewritten atomically) only when it has grown to twice the
/// live entries, so that cost is spread over as many saves as there are searches.
/// </summary>
internal sealed class LucenePercolator
{
    private sealed record Entry(OpportunityQuery Query, OpportunitySearchPlan Plan, Query? Text, TextPrefilter? Prefilter);

    /// <summary>
    /// What the text query needs at the least (see <see cref="LuceneQueries.Text"/>): in some culture, at least
    /// <c>MinimumShouldMatch</c> of its analyzed tokens among the document's terms, or a shared concept. A document
    /// failing this cannot match, so its query is not run.
    /// </summary>
    private sealed record TextPrefilter(IReadOnlyList<(string Culture, string[] Tokens, int Minimum)> Cultures, IReadOnlyList<string> Concepts);
    private sealed record StoredSearch(Guid Id, OpportunityQuery Query);
    /// <summary>One journal line: <c>Query</c> stores (or replaces) the search, <c>Deleted</c> removes it.</summary>
    private sealed record JournalLine(Guid Id, OpportunityQuery? Query, bool Deleted = false);

    /// <summary>Journal lines below which it is never compacted.</summary>
    private const int MinLinesBeforeCompaction = 1000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly string _file;
    private readonly SearchSemantics _semantics;
    private readonly LuceneQueries _queries;
    private readonly IReadOnlyDictionary<string, Analyzer> _analyzers;
    private static readonly Analyzer Keywords = new WhitespaceAnalyzer(LuceneFields.Version);
    private readonly System.Threading.Lock _fileLock = new();
    private int _journalLines;

    /// <param name="file">The journal (JSON Lines); a <c>.json</c> file of the former whole-file format beside it is read once and replaced.</param>
    /// <param name="readOnly">For an engine that does not own the index: start empty and never read or write the file.</param>
    public LucenePercolator(string file, SearchSemantics semantics, LuceneQueries queries, IReadOnlyDictionary<string, Analyzer> analyzers,
        bool readOnly = false)
    {
        _file = file;
        _semantics = semantics;
        _queries = queries;
        _analyzers = analyzers;
        if (readOnly) return;
        var legacy = Path.ChangeExtension(file, ".json");
        if (!File.Exists(file) && File.Exists(legacy))
        {
            var stored = JsonSerializer.Deserialize<List<StoredSearch>>(File.ReadAllText(legacy), SearchQueryJson.Options) ?? [];
            foreach (var s in stored) _entries[s.Id] = Compile(s.Query);
            Compact();
            File.Delete(legacy);
        }
        else if (File.Exists(file)) Replay();
    }

    public int Count => _entries.Count;

    // Memory and journal change under one lock, so the journal's order is the order the searches were saved in.
    public void Store(Guid id, OpportunityQuery query)
    {
        var entry = Compile(query);
        lock (_fileLock)
        {
            _entries[id] = entry;
            Append(new JournalLine(id, query));
        }
    }

    public void Delete(Guid id)
    {
        lock (_fileLock)
        {
            if (_entries.TryRemove(id, out _)) Append(new JournalLine(id, null, Deleted: true));
        }
    }

    public void ReplaceAll(IEnumerable<KeyValuePair<Guid, OpportunityQuery>> searches)
    {
        var compiled = searches.ToDictionary(kv => kv.Key, kv => Compile(kv.Value));
        lock (_fileLock)
        {
            _entries.Clear();
            foreach (var (id, entry) in compiled) _entries[id] = entry;
            Compact();
        }
    }

    /// <summary>
    /// Applies the journal in order. A last line cut short by a crash mid-append is skipped (that save was not
    /// complete); an unreadable line before it means the file is damaged, and the engine asks for a rebuild.
    /// </summary>
    private void Replay()
    {
        var lines = File.ReadAllLines(_file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            JournalLine? line;
            try { line = JsonSerializer.Deserialize<JournalLine>(lines[i], SearchQueryJson.Options); }
            catch (JsonException) when (i == lines.Length - 1) { break; }
            if (line is null) continue;
            if (line.Deleted) _entries.TryRemove(line.Id, out _);
            else if (line.Query is not null) _entries[line.Id] = Compile(line.Query);
            else throw new JsonException($"{_file} line {i + 1}: a saved search without a query.");
        }
        _journalLines = lines.Length;
    }

    /// <summary>Under <see cref="_fileLock"/>.</summary>
    private void Append(JournalLine line)
    {
        File.AppendAllText(_file, JsonSerializer.Serialize(line, SearchQueryJson.Options) + "\n");
        if (++_journalLines > Math.Max(MinLinesBeforeCompaction, 2 * _entries.Count)) Compact();
    }

    public IReadOnlyList<Guid> Percolate(OpportunityDocument document)
    {
        PercolatedDocument? percolated = null;
        var matches = new List<Guid>();
        foreach (var (id, entry) in _entries)
        {
            if (!entry.Plan.FiltersMatch(document)) continue;
            if (entry.Text is not null)
            {
                percolated ??= new PercolatedDocument(this, document);
                if (!percolated.Matches(entry)) continue;
            }
            matches.Add(id);
        }
        matches.Sort();
        return matches;
    }

    /// <summary>One new document: its terms per culture (for the pre-filter) and one <see cref="MemoryIndex"/> + searcher for every query.</summary>
    private sealed class PercolatedDocument
    {
        private readonly Dictionary<string, HashSet<string>> _terms = new();
        private readonly HashSet<string> _concepts;
        private readonly IndexSearcher _searcher;
        private readonly ScoreCollector _collector = new();

        public PercolatedDocument(LucenePercolator owner, OpportunityDocument d)
        {
            var index = new MemoryIndex();
            foreach (var culture in Cultures.All)
            {
                var analyzer = owner._analyzers[culture];
                var all = d.AllText(culture);
                index.AddField(LuceneFields.All(culture), all, analyzer);
                if (d.Texts.TryGetValue(culture, out var t)) index.AddField(LuceneFields.Text("title", culture), t.Title, analyzer);
                _terms[culture] = Terms(analyzer, LuceneFields.All(culture), all);
            }
            if (d.Concepts.Count > 0) index.AddField(LuceneFields.Concept, string.Join(' ', d.Concepts), Keywords);
            _concepts = [.. d.Concepts];
            _searcher = index.CreateSearcher();
        }

        public bool Matches(Entry entry)
        {
            if (entry.Prefilter is { } pre && !Possible(pre)) return false;
            // As MemoryIndex.Search does: the score of the one document, 0 when it does not match.
            _collector.Score = 0;
            _searcher.Search(entry.Text!, _collector);
            return _collector.Score > 0;
        }

        private bool Possible(TextPrefilter pre)
        {
            foreach (var c in pre.Concepts)
                if (_concepts.Contains(c)) return true;
            foreach (var (culture, tokens, minimum) in pre.Cultures)
            {
                var terms = _terms[culture];
                var found = 0;
                foreach (var t in tokens)
                    if (terms.Contains(t) && ++found >= minimum) return true;
            }
            return false;
        }

        private static HashSet<string> Terms(Analyzer analyzer, string field, string text)
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            using var stream = analyzer.GetTokenStream(field, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) terms.Add(term.ToString());
            stream.End();
            return terms;
        }
    }

    private sealed class ScoreCollector : ICollector
    {
        private Scorer? _scorer;
        public float Score;
        // In order: out of order, BooleanWeight builds BooleanScorer bucket tables (2,048 buckets each) for the
        // SHOULD clauses under the required one and then throws them away — about 380 KiB per query on one document.
        public bool AcceptsDocsOutOfOrder => false;
        public void SetScorer(Scorer scorer) => _scorer = scorer;
        public void Collect(int doc) => Score = _scorer!.GetScore();
        public void SetNextReader(AtomicReaderContext context) { }
    }

    private Entry Compile(OpportunityQuery query)
    {
        var plan = _semantics.Plan(query);
        var text = _queries.Text(plan.Text, plan.Concepts, []);
        return new Entry(query, plan, text, text is null ? null : Prefilter(plan.Text!, plan.Concepts));
    }

    private TextPrefilter Prefilter(string text, IReadOnlyList<string> concepts)
    {
        var cultures = new List<(string, string[], int)>();
        foreach (var culture in Cultures.All)
        {
            // Every term of every position, needing as many as the query needs positions: a necessary condition still.
            var positions = LuceneFields.AnalyzeByPosition(_analyzers[culture], LuceneFields.All(culture), text, SearchSemantics.MaxQueryTokens);
            if (positions.Count > 0)
                cultures.Add((culture, positions.SelectMany(p => p).Distinct(StringComparer.Ordinal).ToArray(), SearchSemantics.MinimumShouldMatch(positions.Count)));
        }
        return new TextPrefilter(cultures, concepts.ToArray());
    }

    /// <summary>
    /// Rewrites the journal as one line per live search (to a temporary file, then moved over: never half-written).
    /// Under <see cref="_fileLock"/>, or from the constructor.
    /// </summary>
    private void Compact()
    {
        var tmp = _file + ".tmp";
        using (var writer = new StreamWriter(tmp, append: false, new System.Text.UTF8Encoding(false)))
        {
            foreach (var (id, entry) in _entries.OrderBy(kv => kv.Key))
                writer.Write(JsonSerializer.Serialize(new JournalLine(id, entry.Query), SearchQueryJson.Options) + "\n");
        }
        File.Move(tmp, _file, overwrite: true);
        _journalLines = _entries.Count;
    }
}
