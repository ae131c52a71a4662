using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using InvestPortal.Core.Search;
using InvestPortal.Search.Elasticsearch;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>One request the client sent: what a server would have received.</summary>
public sealed record CapturedRequest(string Method, string PathAndQuery, string Body)
{
    public string Path => PathAndQuery.Split('?', 2)[0];
    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery.Split('?', 2)[1] : "";
    public override string ToString() => $"{Method} {PathAndQuery}";
}

/// <summary>A canned answer; Product=false leaves out the x-elastic-product header a real server always sends; Failure simulates a network error.</summary>
public sealed record CannedResponse(int Status, string Body, bool Product = true, Exception? Failure = null)
{
    public static CannedResponse Ok(string body = "{}") => new(200, body);
    public static readonly CannedResponse Acknowledged = new(200, """{"acknowledged":true}""");
}

/// <summary>
/// An <see cref="IRequestInvoker"/> that never opens a socket: it records each request (method, path, body) and
/// answers through Elastic.Transport's <see cref="InMemoryRequestInvoker"/>, chosen per request by the routes
/// (first match wins, checked in reverse order of registration so a test can override the defaults).
/// </summary>
public sealed class CapturingInvoker : IRequestInvoker
{
    private readonly List<(Func<CapturedRequest, bool> When, Func<CapturedRequest, CannedResponse> Then)> _routes = [];
    private readonly InMemoryRequestInvoker _default = new();

    public List<CapturedRequest> Requests { get; } = [];

    /// <summary>Every departure from the Elasticsearch specification seen by this invoker (see <see cref="Spec.EsSpecValidator"/>).</summary>
    public List<string> SpecViolations { get; } = [];

    public ResponseFactory ResponseFactory => _default.ResponseFactory;

    public void Dispose() { }

    public CapturingInvoker() => WithExistingIndices();

    public CapturingInvoker On(string method, string pathPrefix, CannedResponse response) =>
        On(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal), _ => response);

    public CapturingInvoker On(Func<CapturedRequest, bool> when, Func<CapturedRequest, CannedResponse> then)
    {
        _routes.Add((when, then));
        return this;
    }

    /// <summary>Defaults: every alias exists, bulks succeed, anything else answers 200 {}.</summary>
    private void WithExistingIndices()
    {
        On(_ => true, _ => CannedResponse.Ok());
        On("HEAD", "/_alias/", CannedResponse.Ok(""));
        On(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal), r => CannedResponse.Ok(BulkOk(r.Body)));
    }

    /// <summary>Requests other than the alias checks every engine makes once: the ones a test is about.</summary>
    public List<CapturedRequest> Significant => [.. Requests.Where(r => r.Method != "HEAD")];

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        var (request, invoker) = Respond(endpoint, boundConfiguration, postData);
        return Record(request, invoker.Request<TResponse>(endpoint, boundConfiguration, postData));
    }

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var (request, invoker) = Respond(endpoint, boundConfiguration, postData);
        return Record(request, await invoker.RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken));
    }

    private TResponse Record<TResponse>(CapturedRequest request, TResponse response) where TResponse : TransportResponse
    {
        lock (Requests) Requests.Add(request);
        return response;
    }

    /// <summary>
    /// Called from OnRequestCompleted with the URL as it went on the wire (the transport adds parameters such as
    /// typed_keys after the endpoint reaches the invoker), decoded as the server decodes it (commas come as %2C).
    /// </summary>
    public void Completed(ApiCallDetails details)
    {
        if (details.Uri is null) return;
        var wire = Uri.UnescapeDataString(details.Uri.PathAndQuery);
        lock (Requests)
        {
            var i = Requests.FindLastIndex(r => r.Path == wire.Split('?', 2)[0]);
            if (i >= 0) Requests[i] = Requests[i] with { PathAndQuery = wire };
        }
    }

    private (CapturedRequest, InMemoryRequestInvoker) Respond(Endpoint endpoint, BoundConfiguration config, PostData? postData)
    {
        var body = "";
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            postData.Write(stream, config.ConnectionSettings, disableDirectStreaming: true);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }
        var path = Uri.UnescapeDataString(endpoint.PathAndQuery);
        var request = new CapturedRequest(endpoint.Method.ToString().ToUpperInvariant(), path.StartsWith('/') ? path : "/" + path, body);
        // Every request any test sends is checked against Elastic's specification; one that departs from it is
        // answered as Elasticsearch answers an unparsable body (HTTP 400), so the test that sent it fails.
        var violations = Spec.EsSpecValidator.Instance.Validate(request.Method, request.PathAndQuery, request.Body);
        CannedResponse canned;
        if (violations.Count > 0)
        {
            lock (SpecViolations) SpecViolations.AddRange(violations.Select(v => $"{request}: {v}"));
            var reason = System.Text.Json.JsonSerializer.Serialize($"request departs from the Elasticsearch specification: {string.Join("; ", violations)}");
            canned = new CannedResponse(400, $$"""{"error":{"type":"x_content_parse_exception","reason":{{reason}}},"status":400}""");
        }
        else canned = Enumerable.Reverse(_routes).First(r => r.When(request)).Then(request);
        var headers = new Dictionary<string, IEnumerable<string>>();
        if (canned.Product) headers["x-elastic-product"] = ["Elasticsearch"];
        return (request, new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(canned.Body), canned.Status, canned.Failure, "application/json", headers));
    }

    /// <summary>A realistic bulk answer: one successful item per action line.</summary>
    public static string BulkOk(string ndjson)
    {
        var items = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject())
            .Where(o => o.Count == 1 && o.First().Key is "index" or "delete" or "create" or "update")
            .Select(o =>
            {
                var (action, meta) = o.First();
                var status = action == "delete" ? 200 : 201;
                var result = action == "delete" ? "deleted" : "created";
                return $$$"""{"{{{action}}}":{"_index":"idx","_id":"{{{meta!["_id"]}}}","_version":1,"result":"{{{result}}}","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1,"status":{{{status}}}}}""";
            });
        return $$"""{"errors":false,"took":3,"items":[{{string.Join(",", items)}}]}""";
    }
}

/// <summary>A clock that always says the same instant, so versioned index names are predictable.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public static class EsTest
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);
    public const string Version = "v20260314092653589";
    /// <summary>How often the transport retries a retryable failure on a single-node pool (found by the retry test).</summary>
    public const int RetriesOnOneNode = 0;

    public static ElasticsearchClientSettings Settings(IRequestInvoker invoker) =>
        new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), invoker)
            .MaximumRetries(ElasticsearchConnection.MaxRetries)
            .OnRequestCompleted((invoker as CapturingInvoker) is { } capturing ? capturing.Completed : _ => { });

    public static ElasticsearchSearchEngine Engine(CapturingInvoker invoker, SearchSemantics? semantics = null) =>
        new(new ElasticsearchClient(Settings(invoker)), "ip", semantics ?? SearchTestData.Semantics(), time: new FixedTime(Now));

    /// <summary>
    /// A live write as sent: each operation of <paramref name="ndjson"/> followed by the same operation through the
    /// alias's rebuild alias, so a rebuild running anywhere receives it.
    /// </summary>
    public static string Live(string ndjson, string alias)
    {
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var action = System.Text.Json.Nodes.JsonNode.Parse(lines[i])!.AsObject();
            var (op, meta) = action.First();
            var copy = System.Text.Json.Nodes.JsonNode.Parse(lines[i])!.AsObject();
            var copyMeta = copy[op]!.AsObject();
            var id = copyMeta["_id"]!.DeepClone();
            copyMeta.Clear();
            copyMeta["_id"] = id;
            copyMeta["_index"] = alias + "-rebuild";
            var source = op is "index" or "create" ? lines[++i] : null;
            result.Add(lines[i - (source is null ? 0 : 1)]);
            if (source is not null) result.Add(source);
            result.Add(copy.ToJsonString());
            if (source is not null) result.Add(source);
        }
        return string.Join('\n', result);
    }

    public static string Expected(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "Elasticsearch", "Expected", name));
}
