using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Elasticsearch;

public sealed partial class ElasticsearchSearchEngine
{
    /// <summary>
    /// Looks only at the portal's own aliases and indices (never GET /_cluster/health: a red index of someone else on
    /// a shared cluster is not our outage, and that API needs the cluster "monitor" privilege a least-privilege key
    /// lacks). Each alias must point at exactly ONE index (two means a broken swap: searches count every document
    /// twice and writes fail), of the current schema, filled by a rebuild; counting each alias also proves its
    /// primary shards answer. Never throws: an outage is reported as unavailable with the reason.
    /// </summary>
    public async Task<SearchHealth> GetHealthAsync(CancellationToken ct = default)
    {
        try
        {
            var targets = await AliasTargetsAsync(_indices.Aliases, ct);
            var mappings = await Call(() => _client.Indices.GetMappingAsync(
                new GetMappingRequest(Elastic.Clients.Elasticsearch.Indices.Parse(string.Join(',', _indices.Aliases))) { IgnoreUnavailable = true }, ct),
                "reading index mappings", 404);
            var problems = new List<string>();
            var split = false;
            foreach (var alias in _indices.Aliases)
            {
                if (!targets.TryGetValue(alias, out var indices)) { problems.Add($"alias {alias} is missing"); continue; }
                if (indices.Count > 1)
                {
                    split = true;
                    problems.Add($"alias {alias} points at {indices.Count} indices ({string.Join(", ", indices)}): searches count every document twice and writes fail");
                }
            }
            foreach (var (index, record) in mappings.Mappings ?? new Dictionary<string, IndexMappingRecord>())
            {
                if (!_indices.Aliases.Any(a => index.StartsWith(a + "-v", StringComparison.Ordinal))) continue;
                var meta = record.Mappings?.Meta ?? new Dictionary<string, object>();
                if (MetaInt(meta, ElasticsearchIndices.MetaSchema) != ElasticsearchIndices.SchemaVersion)
                    problems.Add($"{index} has an older mapping");
                else if (MetaBool(meta, ElasticsearchIndices.MetaNeedsRebuild))
                    problems.Add($"{index} was created empty");
            }

            long opportunities = 0, investors = 0, saved = 0;
            if (!split)
            {
                if (targets.ContainsKey(_indices.Opportunities)) opportunities = await CountAsync(_indices.Opportunities, ct);
                if (targets.ContainsKey(_indices.Investors)) investors = await CountAsync(_indices.Investors, ct);
                if (targets.ContainsKey(_indices.SavedSearches)) saved = await CountAsync(_indices.SavedSearches, ct);
            }

            // A rebuild repairs every problem here (its swap removes each index an alias points at), so all of them
            // ask for one; a split alias also makes the engine unavailable, since every write through it fails.
            var message = problems.Count == 0 ? null : string.Join("; ", problems) + "; run 'reindex' to rebuild from the database.";
            return new SearchHealth(Name, !split, problems.Count > 0, opportunities, investors, (int)Math.Min(int.MaxValue, saved), message);
        }
        catch (SearchUnavailableException ex)
        {
            return new SearchHealth(Name, false, false, 0, 0, 0, ex.Message);
        }
    }

    private async Task<long> CountAsync(string alias, CancellationToken ct) =>
        (await Call(() => _client.CountAsync(new CountRequest(alias), ct), $"counting {alias}")).Count;

    // _meta values come back as JSON elements; accept numbers and booleans written as such or as strings.
    private static int? MetaInt(IDictionary<string, object> meta, string key) => meta.TryGetValue(key, out var v) ? v switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var i) => i,
        JsonElement { ValueKind: JsonValueKind.String } e when int.TryParse(e.GetString(), out var i) => i,
        int i => i,
        long l => (int)l,
        _ => null,
    } : null;

    private static bool MetaBool(IDictionary<string, object> meta, string key) => meta.TryGetValue(key, out var v) && v switch
    {
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() == "true",
        bool b => b,
        _ => false,
    };
}
