using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Sdk;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>
/// Compares request bodies as parsed JSON: property order and whitespace do not matter, numbers are compared
/// by value (1000000 equals 1000000.0 and 1E+06), a single clause equals a one-element clause list in a bool
/// query (Elasticsearch reads both alike), and a mismatch names the first differing path.
/// </summary>
public static class JsonAssert
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Equal(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        var difference = Difference(e, a, "$");
        if (difference is not null)
            throw new XunitException($"JSON differs at {difference}\nExpected:\n{e?.ToJsonString(Pretty)}\nActual:\n{a?.ToJsonString(Pretty)}");
    }

    /// <summary>Newline-delimited JSON (the _bulk body): the same lines, each equal as JSON.</summary>
    public static void EqualLines(string expected, string actual)
    {
        var e = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var a = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(actual.EndsWith('\n'), "A _bulk body must end with a newline.");
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            try { Equal(e[i], a[i]); }
            catch (XunitException ex) { throw new XunitException($"NDJSON line {i + 1}: {ex.Message}"); }
        }
    }

    private static string? Difference(JsonNode? e, JsonNode? a, string path)
    {
        switch (e, a)
        {
            case (null, null):
                return null;
            case (JsonObject eo, JsonObject ao):
                foreach (var (key, value) in eo)
                {
                    if (!ao.ContainsKey(key)) return $"{path}.{key} (missing)";
                    if (Difference(value, ao[key], $"{path}.{key}") is { } d) return d;
                }
                return ao.Select(p => p.Key).FirstOrDefault(k => !eo.ContainsKey(k)) is { } extra ? $"{path}.{extra} (unexpected)" : null;
            // Elasticsearch reads a one-or-many field (bool clauses, for instance) given as one value like a
            // one-element array; the client writes single clauses without the brackets.
            case (JsonArray { Count: 1 } ea, JsonObject) when IsBoolClause(path):
                return Difference(ea[0], a, $"{path}[0]");
            case (JsonObject, JsonArray { Count: 1 } aa) when IsBoolClause(path):
                return Difference(e, aa[0], $"{path}[0]");
            case (JsonArray ea, JsonArray aa):
                if (ea.Count != aa.Count) return $"{path} (expected {ea.Count} items, got {aa.Count})";
                for (var i = 0; i < ea.Count; i++)
                    if (Difference(ea[i], aa[i], $"{path}[{i}]") is { } d) return d;
                return null;
            case (JsonValue ev, JsonValue av):
                return SameValue(ev, av) ? null : $"{path} (expected {ev.ToJsonString()}, got {av.ToJsonString()})";
            default:
                return $"{path} (expected {e?.ToJsonString() ?? "null"}, got {a?.ToJsonString() ?? "null"})";
        }
    }

    /// <summary>Only bool's clause lists are one-or-many; a terms list, for one, must stay an array.</summary>
    private static bool IsBoolClause(string path) =>
        path.EndsWith(".must", StringComparison.Ordinal) || path.EndsWith(".should", StringComparison.Ordinal)
        || path.EndsWith(".filter", StringComparison.Ordinal) || path.EndsWith(".must_not", StringComparison.Ordinal);

    private static bool SameValue(JsonValue e, JsonValue a)
    {
        var ek = e.GetValueKind();
        var ak = a.GetValueKind();
        if (ek == JsonValueKind.Number && ak == JsonValueKind.Number)
            return decimal.Parse(e.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (ek == JsonValueKind.String && ak == JsonValueKind.String) return e.GetValue<string>() == a.GetValue<string>();
        return ek == ak;
    }
}
