using System.Collections.Concurrent;
using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Saved searches tested against one new document: filters checked on the Core document (cheap), text by running
/// the very query search would run against a single-document <see cref="MemoryIndex"/>. Kept in memory and in a
/// small JSON file next to the index (written atomically), so they survive restarts; a rebuild reloads them from the database.
/// </summary>
internal sealed class LucenePercolator
{
    private sealed record Entry(OpportunityQuery Query, OpportunitySearchPlan Plan, Query? Text);
    private sealed record StoredSearch(Guid Id, OpportunityQuery Query);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly string _file;
    private readonly SearchSemantics _semantics;
    private readonly LuceneQueries _queries;
    private readonly IReadOnlyDictionary<string, Analyzer> _analyzers;
    private static readonly Analyzer Keywords = new WhitespaceAnalyzer(LuceneFields.Version);
    private readonly System.Threading.Lock _fileLock = new();

    public LucenePercolator(string file, SearchSemantics semantics, LuceneQueries queries, IReadOnlyDictionary<string, Analyzer> analyzers)
    {
        _file = file;
        _semantics = semantics;
        _queries = queries;
        _analyzers = analyzers;
        if (File.Exists(file))
        {
            var stored = JsonSerializer.Deserialize<List<StoredSearch>>(File.ReadAllText(file), SearchQueryJson.Options) ?? [];
            foreach (var s in stored) _entries[s.Id] = Compile(s.Query);
        }
    }

    public int Count => _entries.Count;

    public void Store(Guid id, OpportunityQuery query)
    {
        _entries[id] = Compile(query);
        Save();
    }

    public void Delete(Guid id)
    {
        if (_entries.TryRemove(id, out _)) Save();
    }

    public void ReplaceAll(IEnumerable<KeyValuePair<Guid, OpportunityQuery>> searches)
    {
        var compiled = searches.ToDictionary(kv => kv.Key, kv => Compile(kv.Value));
        _entries.Clear();
        foreach (var (id, entry) in compiled) _entries[id] = entry;
        Save();
    }

    public IReadOnlyList<Guid> Percolate(OpportunityDocument document)
    {
        MemoryIndex? index = null;
        var matches = new List<Guid>();
        foreach (var (id, entry) in _entries)
        {
            if (!entry.Plan.FiltersMatch(document)) continue;
            if (entry.Text is not null)
            {
                index ??= Index(document);
                if (index.Search(entry.Text) <= 0) continue;
            }
            matches.Add(id);
        }
        matches.Sort();
        return matches;
    }

    private MemoryIndex Index(OpportunityDocument d)
    {
        var index = new MemoryIndex();
        foreach (var culture in Cultures.All)
        {
            index.AddField(LuceneFields.All(culture), d.AllText(culture), _analyzers[culture]);
            if (d.Texts.TryGetValue(culture, out var t)) index.AddField(LuceneFields.Text("title", culture), t.Title, _analyzers[culture]);
        }
        if (d.Concepts.Count > 0) index.AddField(LuceneFields.Concept, string.Join(' ', d.Concepts), Keywords);
        return index;
    }

    private Entry Compile(OpportunityQuery query)
    {
        var plan = _semantics.Plan(query);
        return new Entry(query, plan, _queries.Text(plan.Text, plan.Concepts, []));
    }

    private void Save()
    {
        lock (_fileLock)
        {
            var list = _entries.Select(kv => new StoredSearch(kv.Key, kv.Value.Query)).OrderBy(s => s.Id).ToList();
            var tmp = _file + ".tmp";
            File.WriteAllText(tmp, JsonSerializer.Serialize(list, SearchQueryJson.Options));
            File.Move(tmp, _file, overwrite: true);
        }
    }
}
