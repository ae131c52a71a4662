using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Elasticsearch;

public sealed partial class ElasticsearchSearchEngine
{
    /// <summary>
    /// Reachable cluster (not red), each alias present with an index of the current schema that was filled by a
    /// rebuild, and document counts. Never throws: an outage is reported as unavailable with the reason.
    /// </summary>
    public async Task<SearchHealth> GetHealthAsync(CancellationToken ct = default)
    {
        try
        {
            var cluster = await Call(() => _client.Cluster.HealthAsync(ct), "reading cluster health");
            var red = cluster.Status == HealthStatus.Red;

            var mappings = await Call(() => _client.Indices.GetMappingAsync(
                new GetMappingRequest(Elastic.Clients.Elasticsearch.Indices.Parse(string.Join(',', _indices.Aliases))) { IgnoreUnavailable = true }, ct),
                "reading index mappings", 404);
            var problems = new List<string>();
            if (red) problems.Add("the cluster status is red (some primary shards are unassigned)");
            var present = new HashSet<string>();
            foreach (var (index, record) in mappings.Mappings ?? new Dictionary<string, IndexMappingRecord>())
            {
                var alias = _indices.Aliases.FirstOrDefault(a => index.StartsWith(a + "-v", StringComparison.Ordinal));
                if (alias is null) continue;
                present.Add(alias);
                var meta = record.Mappings?.Meta ?? new Dictionary<string, object>();
                if (MetaInt(meta, ElasticsearchIndices.MetaSchema) != ElasticsearchIndices.SchemaVersion)
                    problems.Add($"{index} has an older mapping");
                else if (MetaBool(meta, ElasticsearchIndices.MetaNeedsRebuild))
                    problems.Add($"{index} was created empty");
            }
            foreach (var missing in _indices.Aliases.Where(a => !present.Contains(a)))
                problems.Add($"alias {missing} is missing");
            var needsRebuild = problems.Count > (red ? 1 : 0);

            long opportunities = 0, investors = 0, saved = 0;
            if (present.Contains(_indices.Opportunities)) opportunities = await CountAsync(_indices.Opportunities, ct);
            if (present.Contains(_indices.Investors)) investors = await CountAsync(_indices.Investors, ct);
            if (present.Contains(_indices.SavedSearches)) saved = await CountAsync(_indices.SavedSearches, ct);

            var message = problems.Count == 0 ? null
                : string.Join("; ", problems) + (needsRebuild ? "; run 'reindex' to rebuild from the database." : ".");
            return new SearchHealth(Name, !red, needsRebuild, opportunities, investors, (int)Math.Min(int.MaxValue, saved), message);
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
