using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>
/// Every response passes through here: anything but a valid answer from a real Elasticsearch becomes a
/// <see cref="SearchUnavailableException"/> whose message says which call failed and why, in words an operator can act on.
/// There is no fallback to another engine (ARCHITECTURE.md: "no silent fallback").
/// </summary>
internal static class ElasticsearchErrors
{
    /// <summary>Returns the response when valid; throws with a readable message otherwise.</summary>
    public static T Check<T>(T response, string operation, params int[] alsoFine) where T : ElasticsearchResponse
    {
        if (response.IsValidResponse) return response;
        var status = response.ApiCallDetails?.HttpStatusCode;
        if (status is { } s && alsoFine.Contains(s)) return response;
        throw new SearchUnavailableException(Describe(response, operation), Original(response));
    }

    public static string Describe(ElasticsearchResponse response, string operation)
    {
        var details = response.ApiCallDetails;
        var call = details is null ? operation : $"{operation} ({details.HttpMethod} {details.Uri?.AbsolutePath})";
        var status = details?.HttpStatusCode;
        if (response.ElasticsearchServerError is { Error: { } error } server)
        {
            var root = error.RootCause?.FirstOrDefault();
            var reason = root is not null && root.Reason != error.Reason ? $"{error.Reason} (root cause: {root.Type}: {root.Reason})" : error.Reason;
            return $"Elasticsearch refused {call}: HTTP {server.Status} {error.Type}: {reason}";
        }
        var original = Original(response);
        if (original is TransportException { FailureReason: { } failure } te)
            return $"Elasticsearch is unreachable for {call}: {Failure(failure)} — {FirstLine(te.Message)}";
        if (original is not null)
            return $"Elasticsearch call {call} failed{(status is null ? "" : $" with HTTP {status}")}: {FirstLine(original.Message)}";
        return status is null
            ? $"Elasticsearch did not answer {call}."
            : $"Elasticsearch answered {call} with HTTP {status} and no usable body.";
    }

    /// <summary>Wraps exceptions the transport throws (it does for a failed product check, for example).</summary>
    public static SearchUnavailableException Wrap(Exception ex, string operation) => ex switch
    {
        SearchUnavailableException s => s,
        UnsupportedProductException =>
            new SearchUnavailableException($"Elasticsearch call {operation} failed: the server at Search:Elasticsearch:Url did not identify itself as Elasticsearch (no x-elastic-product header); check the URL points at an Elasticsearch 9 cluster, not a proxy or another product.", ex),
        TransportException { FailureReason: { } failure } te =>
            new SearchUnavailableException($"Elasticsearch is unavailable for {operation}: {Failure(failure)} — {FirstLine(te.Message)}", ex),
        _ => new SearchUnavailableException($"Elasticsearch call {operation} failed: {FirstLine(ex.Message)}", ex),
    };

    /// <summary>A bulk answer can be HTTP 200 with failed items (the client then calls it invalid): each failure is an error too.</summary>
    /// <param name="ignorable">By position in the request: a failure that is an expected outcome (e.g. no rebuild alias).</param>
    public static void CheckBulk(BulkResponse response, string operation, Func<int, bool>? ignorable = null)
    {
        var failed = !response.Errors ? []
            : ignorable is null ? response.ItemsWithErrors.ToList()
            : response.Items.Select((item, i) => (item, i)).Where(x => !x.item.IsValid && !ignorable(x.i)).Select(x => x.item).ToList();
        if (failed.Count == 0 && response.Errors && ignorable is not null && response.ApiCallDetails?.HttpStatusCode == 200) return;
        if (failed.Count == 0)
        {
            Check(response, operation);
            return;
        }
        var first = failed[0];
        var reason = first.Error is { } e ? $"{e.Type}: {e.Reason}" : $"HTTP {first.Status}";
        throw new SearchUnavailableException(
            $"Elasticsearch rejected {failed.Count} of {response.Items.Count} documents in {operation}; first ({first.Id}): {reason}");
    }

    private static Exception? Original(ElasticsearchResponse response) =>
        response.TryGetOriginalException(out var ex) ? ex : null;

    private static string Failure(PipelineFailure failure) => failure switch
    {
        PipelineFailure.BadAuthentication => "authentication failed (check Search:ApiKey or Username/Password)",
        PipelineFailure.MaxTimeoutReached => "the request timed out",
        PipelineFailure.MaxRetriesReached => "every retry failed",
        PipelineFailure.PingFailure => "the node did not answer a ping",
        PipelineFailure.NoNodesAttempted => "no node could be tried (all marked dead)",
        PipelineFailure.BadResponse => "the server's answer was not valid",
        _ => failure.ToString(),
    };

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
