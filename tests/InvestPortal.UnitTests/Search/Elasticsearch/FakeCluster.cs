using System.Text.Json;
using System.Text.Json.Nodes;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>
/// A small in-memory Elasticsearch that several engines (several "processes") share through their own
/// <see cref="CapturingInvoker"/>s. It plays back the cluster behaviours the engine must survive, as documented for
/// Elasticsearch 9: an _aliases remove that finds nothing answers 200 with per-action errors and the other actions
/// still apply (unless must_exist, which fails the whole request with 404); an alias on two indices without a write
/// index refuses writes ("no write index is defined"); adding a second write index to an alias is refused; a bulk to
/// a name that is neither an index nor an alias auto-creates an index (or fails the item with require_alias); op_type
/// create on an existing id is a version conflict. Hooks let a test apply a change and then lose its answer.
/// </summary>
public sealed class FakeCluster
{
    private readonly Lock _lock = new();

    public Dictionary<string, Dictionary<string, JsonObject>> Indices { get; } = [];
    /// <summary>alias → index → is_write_index.</summary>
    public Dictionary<string, Dictionary<string, bool>> Aliases { get; } = [];
    private readonly Dictionary<string, JsonNode?> _meta = [];

    /// <summary>Runs before an _aliases request is applied (another node racing in between read and swap).</summary>
    public Action? BeforeNextAliasUpdate { get; set; }
    /// <summary>The next _aliases request is applied, then its answer is lost (the client times out).</summary>
    public bool LoseNextAliasAnswer { get; set; }
    /// <summary>So many alias reads fail (no answer) after an answer was lost.</summary>
    public int FailAliasReads { get; set; }
    /// <summary>So many requests of any kind fail with no answer (a cluster still starting).</summary>
    public int Unreachable { get; set; }

    /// <summary>A new invoker (one process's client) talking to this cluster.</summary>
    public CapturingInvoker Connect() => new CapturingInvoker().On(_ => true, Handle);

    public IReadOnlyList<string> Targets(string alias)
    {
        lock (_lock) return Aliases.TryGetValue(alias, out var targets) ? [.. targets.Keys.Order(StringComparer.Ordinal)] : [];
    }

    public IReadOnlyCollection<string> Ids(string alias)
    {
        lock (_lock) return [.. Resolve(alias).SelectMany(i => Indices[i].Keys)];
    }

    public JsonObject? Doc(string alias, Guid id)
    {
        lock (_lock) return Resolve(alias).Select(i => Indices[i].GetValueOrDefault(id.ToString())).FirstOrDefault(d => d is not null);
    }

    /// <summary>Moves an alias as another node's completed rebuild would (a plain index, created if missing).</summary>
    public void SwapElsewhere(string alias, string index)
    {
        lock (_lock)
        {
            Indices.TryAdd(index, []);
            Aliases[alias] = new Dictionary<string, bool> { [index] = false };
        }
    }

    private List<string> Resolve(string name) =>
        Aliases.TryGetValue(name, out var targets) ? [.. targets.Keys] : Indices.ContainsKey(name) ? [name] : [];

    private static readonly CannedResponse Lost = new(0, "", Failure: new TimeoutException("The request was canceled due to the configured HttpClient.Timeout of 15 seconds elapsing."));

    private static CannedResponse Error(int status, string type, string reason) =>
        new(status, JsonSerializer.Serialize(new { error = new { root_cause = new[] { new { type, reason } }, type, reason }, status }));

    private static CannedResponse Json(object body) => CannedResponse.Ok(JsonSerializer.Serialize(body));

    private CannedResponse Handle(CapturedRequest r)
    {
        lock (_lock)
        {
            if (Unreachable > 0) { Unreachable--; return Lost; }
            var segments = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var query = r.Query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
            return (r.Method, segments) switch
            {
                ("HEAD", ["_alias", var name]) => name.Split(',').All(Aliases.ContainsKey) ? CannedResponse.Ok("") : new CannedResponse(404, ""),
                ("GET", ["_alias", var names]) => GetAliases(names.Split(',')),
                ("POST", ["_aliases"]) => UpdateAliases(JsonNode.Parse(r.Body)!["actions"]!.AsArray()),
                ("PUT", [var index]) => Create(index, JsonNode.Parse(r.Body)!.AsObject()),
                ("DELETE", [var names]) => Delete(names.Split(','), query.ContainsKey("ignore_unavailable")),
                ("POST", [var target, "_bulk"]) => Bulk(target, r.Body, query.GetValueOrDefault("require_alias") == "true"),
                ("POST", [_, "_refresh"]) => Json(new { _shards = new { total = 1, successful = 1, failed = 0 } }),
                ("GET", [var names, "_mapping"]) => Mappings(names.Split(',')),
                ("POST" or "GET", [var alias, "_count"]) => Json(new { count = Resolve(alias).Sum(i => Indices[i].Count), _shards = new { total = 1, successful = 1, skipped = 0, failed = 0 } }),
                ("GET", ["_cluster", "health", ..]) => Error(403, "security_exception", "action [cluster:monitor/health] is unauthorized for API key id [portal]"),
                _ => Error(400, "fake_cluster_exception", $"the fake cluster does not play {r}"),
            };
        }
    }

    private CannedResponse GetAliases(string[] names)
    {
        if (FailAliasReads > 0) { FailAliasReads--; return Lost; }
        var result = new Dictionary<string, object>();
        foreach (var (alias, targets) in Aliases.Where(a => names.Contains(a.Key)))
            foreach (var index in targets.Keys)
            {
                if (!result.TryGetValue(index, out var entry)) result[index] = entry = new Dictionary<string, object>();
                ((Dictionary<string, object>)entry)[alias] = targets[index] ? new { is_write_index = true } : new { };
            }
        var body = result.ToDictionary(x => x.Key, x => (object)new { aliases = x.Value });
        if (body.Count == 0) return new CannedResponse(404, JsonSerializer.Serialize(new { error = $"alias [{string.Join(',', names)}] missing", status = 404 }));
        return Json(body);
    }

    private CannedResponse UpdateAliases(JsonArray actions)
    {
        var before = BeforeNextAliasUpdate;
        BeforeNextAliasUpdate = null;
        before?.Invoke();
        var parsed = actions.Select(a => a!.AsObject().First()).Select(a => (Kind: a.Key, Args: a.Value!.AsObject())).ToList();
        // Validation first: a failing must_exist remove or a missing index changes nothing.
        foreach (var (kind, args) in parsed)
        {
            var index = (string)args["index"]!;
            var alias = (string)args["alias"]!;
            if (!Indices.ContainsKey(index)) return Error(404, "index_not_found_exception", $"no such index [{index}]");
            if (kind == "remove" && args["must_exist"]?.GetValue<bool>() == true && !(Aliases.TryGetValue(alias, out var t) && t.ContainsKey(index)))
                return Error(404, "aliases_not_found_exception", $"aliases [{alias}] missing");
        }
        var results = new List<object>();
        var errors = false;
        var copy = Aliases.ToDictionary(a => a.Key, a => new Dictionary<string, bool>(a.Value));
        foreach (var (kind, args) in parsed)
        {
            var index = (string)args["index"]!;
            var alias = (string)args["alias"]!;
            if (kind == "add")
            {
                if (!copy.TryGetValue(alias, out var targets)) copy[alias] = targets = [];
                targets[index] = args["is_write_index"]?.GetValue<bool>() == true;
                if (targets.Count(t => t.Value) > 1)
                    return Error(400, "illegal_state_exception", $"alias [{alias}] has more than one write index [{string.Join(",", targets.Where(t => t.Value).Select(t => t.Key))}]");
                results.Add(new { action = new { type = "add", indices = new[] { index }, aliases = new[] { alias } }, status = 200 });
            }
            else if (copy.TryGetValue(alias, out var targets) && targets.Remove(index))
            {
                if (targets.Count == 0) copy.Remove(alias);
                results.Add(new { action = new { type = "remove", indices = new[] { index }, aliases = new[] { alias } }, status = 200 });
            }
            else
            {
                errors = true;
                results.Add(new { action = new { type = "remove", indices = new[] { index }, aliases = new[] { alias } }, status = 404,
                    error = new { type = "aliases_not_found_exception", reason = $"aliases [{alias}] missing" } });
            }
        }
        Aliases.Clear();
        foreach (var (alias, targets) in copy) Aliases[alias] = targets;
        if (LoseNextAliasAnswer)
        {
            LoseNextAliasAnswer = false;
            return Lost;
        }
        return Json(new { acknowledged = true, errors, action_results = results });
    }

    private CannedResponse Create(string index, JsonObject body)
    {
        if (Indices.ContainsKey(index) || Aliases.ContainsKey(index))
            return Error(400, "resource_already_exists_exception", $"index [{index}/uuid] already exists");
        Indices[index] = [];
        _meta[index] = body["mappings"]?["_meta"]?.DeepClone();
        if (body["aliases"] is JsonObject aliases)
            foreach (var (alias, _) in aliases)
            {
                if (!Aliases.TryGetValue(alias, out var targets)) Aliases[alias] = targets = [];
                targets[index] = false;
            }
        return Json(new { acknowledged = true, shards_acknowledged = true, index });
    }

    private CannedResponse Delete(string[] names, bool ignoreUnavailable)
    {
        if (!ignoreUnavailable && names.FirstOrDefault(n => !Indices.ContainsKey(n)) is { } missing)
            return Error(404, "index_not_found_exception", $"no such index [{missing}]");
        foreach (var name in names)
        {
            Indices.Remove(name);
            _meta.Remove(name);
            foreach (var alias in Aliases.Keys.ToList())
                if (Aliases[alias].Remove(name) && Aliases[alias].Count == 0) Aliases.Remove(alias);
        }
        return Json(new { acknowledged = true });
    }

    private CannedResponse Mappings(string[] names)
    {
        var result = new Dictionary<string, object>();
        foreach (var index in names.SelectMany(Resolve).Distinct())
            result[index] = new { mappings = new { _meta = _meta.GetValueOrDefault(index) } };
        return Json(result);
    }

    private CannedResponse Bulk(string defaultTarget, string ndjson, bool requireAlias)
    {
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new List<JsonObject>();
        var errors = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var (op, meta) = JsonNode.Parse(lines[i])!.AsObject().First();
            var id = (string)meta!["_id"]!;
            var target = (string?)meta["_index"] ?? defaultTarget;
            var source = op is "index" or "create" ? JsonNode.Parse(lines[++i])!.AsObject() : null;
            var (status, error, index) = Write(op, target, id, source, requireAlias);
            var item = new JsonObject { ["_index"] = index, ["_id"] = id, ["status"] = status };
            if (error is not null)
            {
                errors = true;
                item["error"] = new JsonObject { ["type"] = error.Value.Type, ["reason"] = error.Value.Reason };
            }
            else item["result"] = op == "delete" ? (status == 404 ? "not_found" : "deleted") : "created";
            items.Add(new JsonObject { [op] = item });
        }
        return CannedResponse.Ok(new JsonObject { ["errors"] = errors, ["took"] = 1, ["items"] = new JsonArray([.. items]) }.ToJsonString());
    }

    private (int Status, (string Type, string Reason)? Error, string Index) Write(string op, string target, string id, JsonObject? source, bool requireAlias)
    {
        string index;
        if (Aliases.TryGetValue(target, out var targets))
        {
            var write = targets.Count == 1 ? targets.Keys.First() : targets.FirstOrDefault(t => t.Value).Key;
            if (write is null)
                return (400, ("illegal_argument_exception", $"no write index is defined for alias [{target}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index"), target);
            index = write;
        }
        else if (Indices.ContainsKey(target))
        {
            if (requireAlias) return (404, ("index_not_found_exception", $"no such index [{target}] and [require_alias] request flag is [true] and [{target}] is not an alias"), target);
            index = target;
        }
        else
        {
            if (requireAlias) return (404, ("index_not_found_exception", $"no such index [{target}] and [require_alias] request flag is [true] and [{target}] is not an alias"), target);
            // Auto-create: a concrete index with the alias's name and dynamic mappings.
            Indices[target] = [];
            index = target;
        }
        var docs = Indices[index];
        switch (op)
        {
            case "create" when docs.ContainsKey(id):
                return (409, ("version_conflict_engine_exception", $"[{id}]: version conflict, document already exists (current version [1])"), index);
            case "index" or "create":
                docs[id] = source!;
                return (201, null, index);
            default:
                return (docs.Remove(id) ? 200 : 404, null, index);
        }
    }
}
