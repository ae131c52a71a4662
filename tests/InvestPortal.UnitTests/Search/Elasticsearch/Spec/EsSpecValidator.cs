using System.Text.Json;
using InvestPortal.Testing;

namespace InvestPortal.UnitTests.Search.Elasticsearch.Spec;

/// <summary>
/// Checks a request against Elastic's own API specification (the compiled elasticsearch-specification that the npm
/// package @elastic/request-converter ships as dist/schema.json, installed in tests/tools by <c>npm ci</c>): the
/// endpoint for the method and path, the query-string parameter names and enum values, and the body — every property
/// name known to its type (misspelt ones are errors, as Elasticsearch rejects them), enum values among the members,
/// union values matching one of the shapes, containers with exactly one variant, required properties present.
/// A missing schema is an error, never a skip: run <c>npm ci</c> in tests/tools (the test project does it on build).
/// </summary>
public sealed class EsSpecValidator
{
    private static readonly Lazy<EsSpecValidator> Shared = new(() => new EsSpecValidator(SchemaPath));

    public static EsSpecValidator Instance => Shared.Value;

    public static string SchemaPath =>
        Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "tests", "tools", "node_modules", "@elastic", "request-converter", "dist", "schema.json");

    private readonly Dictionary<(string Ns, string Name), JsonElement> _types = [];
    private readonly List<(string Method, string[] Segments, JsonElement Request)> _urls = [];
    private readonly HashSet<string> _commonQuery = [];

    public EsSpecValidator(string schemaPath)
    {
        if (!File.Exists(schemaPath))
            throw new FileNotFoundException($"Elasticsearch specification schema not found at {schemaPath}; run `npm ci` in tests/tools.", schemaPath);
        using var stream = File.OpenRead(schemaPath);
        var root = JsonDocument.Parse(stream).RootElement;
        foreach (var type in root.GetProperty("types").EnumerateArray())
            _types[Key(type.GetProperty("name"))] = type;
        foreach (var endpoint in root.GetProperty("endpoints").EnumerateArray())
        {
            if (endpoint.GetProperty("request").ValueKind != JsonValueKind.Object) continue;
            if (!_types.TryGetValue(Key(endpoint.GetProperty("request")), out var request)) continue;
            foreach (var url in endpoint.GetProperty("urls").EnumerateArray())
                foreach (var method in url.GetProperty("methods").EnumerateArray())
                    _urls.Add((method.GetString()!, Split(url.GetProperty("path").GetString()!), request));
        }
        if (_types.TryGetValue(("_spec_utils", "CommonQueryParameters"), out var common))
            foreach (var p in common.GetProperty("properties").EnumerateArray()) _commonQuery.Add(p.GetProperty("name").GetString()!);
    }

    /// <summary>Every way the request departs from the specification; empty when it conforms.</summary>
    public List<string> Validate(string method, string pathAndQuery, string body)
    {
        var errors = new List<string>();
        var parts = pathAndQuery.Split('?', 2);
        var request = FindRequest(method, parts[0]);
        if (request is not { } r)
        {
            errors.Add($"no endpoint of the specification answers {method} {parts[0]}");
            return errors;
        }
        if (parts.Length > 1) ValidateQuery(r, parts[1], errors);
        ValidateBody(r, body, errors);
        return errors;
    }

    private JsonElement? FindRequest(string method, string path)
    {
        var segments = Split(path);
        JsonElement? best = null;
        var bestLiterals = -1;
        foreach (var (m, template, request) in _urls)
        {
            if (m != method || template.Length != segments.Length) continue;
            var literals = 0;
            var ok = true;
            for (var i = 0; i < template.Length && ok; i++)
            {
                if (template[i].StartsWith('{')) ok = !segments[i].StartsWith('_') || segments[i] == "_all";
                else if (template[i] == segments[i]) literals++;
                else ok = false;
            }
            if (ok && literals > bestLiterals) (best, bestLiterals) = (request, literals);
        }
        return best;
    }

    private void ValidateQuery(JsonElement request, string query, List<string> errors)
    {
        var known = new Dictionary<string, JsonElement>();
        if (request.TryGetProperty("query", out var q))
            foreach (var p in q.EnumerateArray()) known[p.GetProperty("name").GetString()!] = p.GetProperty("type");
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(kv[0]);
            if (_commonQuery.Contains(name)) continue;
            if (!known.TryGetValue(name, out var type)) { errors.Add($"query parameter '{name}' is not in the specification"); continue; }
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
            // Query strings are text: only enum (and boolean) parameters have a closed set of values to check.
            var element = value is "true" or "false" && !IsEnum(type) ? JsonDocument.Parse(value).RootElement
                : long.TryParse(value, out _) && !IsEnum(type) ? JsonDocument.Parse(value).RootElement
                : JsonSerializer.SerializeToElement(value);
            var inner = new List<string>();
            Check(element, type, "?" + name, inner, 0);
            if (IsEnum(type) || type.GetProperty("kind").GetString() == "instance_of" && Key(type.GetProperty("type")) == ("_builtins", "boolean"))
                errors.AddRange(inner);
        }
    }

    private bool IsEnum(JsonElement valueOf)
    {
        if (valueOf.GetProperty("kind").GetString() == "union_of")
            return valueOf.GetProperty("items").EnumerateArray().Any(IsEnum);
        return valueOf.GetProperty("kind").GetString() == "instance_of"
            && _types.TryGetValue(Key(valueOf.GetProperty("type")), out var t)
            && (t.GetProperty("kind").GetString() == "enum" || t.GetProperty("kind").GetString() == "type_alias" && IsEnum(t.GetProperty("type")));
    }

    private void ValidateBody(JsonElement request, string body, List<string> errors)
    {
        var spec = request.GetProperty("body");
        var kind = spec.GetProperty("kind").GetString();
        if (kind == "no_body")
        {
            if (!string.IsNullOrWhiteSpace(body)) errors.Add("the endpoint takes no body, but one was sent");
            return;
        }
        if (string.IsNullOrWhiteSpace(body)) return;
        var name = Key(request.GetProperty("name"));
        if (name == ("_global.bulk", "Request"))
        {
            ValidateBulk(body, errors);
            return;
        }
        JsonElement json;
        try { json = JsonDocument.Parse(body).RootElement; }
        catch (JsonException ex) { errors.Add($"the body is not JSON: {ex.Message}"); return; }
        if (kind == "properties") CheckObject(json, spec.GetProperty("properties").EnumerateArray().ToList(), null, null, "$", errors, 0);
        else Check(json, spec.GetProperty("value"), "$", errors, 0);
    }

    /// <summary>NDJSON: each action line is an OperationContainer; index and create carry a document (any JSON), update an UpdateAction.</summary>
    private void ValidateBulk(string body, List<string> errors)
    {
        if (!body.EndsWith('\n')) errors.Add("a bulk body must end with a newline");
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var container = InstanceOf(("_global.bulk", "OperationContainer"));
        for (var i = 0; i < lines.Length; i++)
        {
            JsonElement action;
            try { action = JsonDocument.Parse(lines[i]).RootElement; }
            catch (JsonException ex) { errors.Add($"bulk line {i + 1} is not JSON: {ex.Message}"); return; }
            Check(action, container, $"bulk[{i + 1}]", errors, 0);
            var op = action.ValueKind == JsonValueKind.Object && action.EnumerateObject().Any() ? action.EnumerateObject().First().Name : null;
            if (op is "index" or "create" or "update")
            {
                i++;
                if (i >= lines.Length) { errors.Add($"bulk {op} action on line {i} has no source line"); return; }
                var source = JsonDocument.Parse(lines[i]).RootElement;
                if (op == "update") Check(source, InstanceOf(("_global.bulk", "UpdateAction")), $"bulk[{i + 1}]", errors, 0);
                else if (source.ValueKind != JsonValueKind.Object) errors.Add($"bulk line {i + 1}: a document must be an object");
            }
        }
    }

    private static JsonElement InstanceOf((string Ns, string Name) type) =>
        JsonSerializer.SerializeToElement(new { kind = "instance_of", type = new { name = type.Name, @namespace = type.Ns } });

    // ---------- values ----------

    private void Check(JsonElement value, JsonElement valueOf, string path, List<string> errors, int depth)
    {
        if (depth > 64) return;
        switch (valueOf.GetProperty("kind").GetString())
        {
            case "instance_of":
                CheckInstance(value, Key(valueOf.GetProperty("type")), path, errors, depth);
                break;
            case "array_of":
                if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{path}: expected an array, got {value.ValueKind}"); break; }
                var i = 0;
                foreach (var item in value.EnumerateArray()) Check(item, valueOf.GetProperty("value"), $"{path}[{i++}]", errors, depth + 1);
                break;
            case "union_of":
                CheckUnion(value, valueOf.GetProperty("items").EnumerateArray().ToList(), null, path, errors, depth);
                break;
            case "dictionary_of":
                if (value.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object (dictionary), got {value.ValueKind}"); break; }
                var count = 0;
                foreach (var p in value.EnumerateObject())
                {
                    count++;
                    Check(p.Value, valueOf.GetProperty("value"), $"{path}.{p.Name}", errors, depth + 1);
                }
                if (valueOf.TryGetProperty("singleKey", out var single) && single.GetBoolean() && count != 1)
                    errors.Add($"{path}: expected exactly one key, got {count}");
                break;
            case "literal_value":
                var literal = valueOf.GetProperty("value");
                if (!SameLiteral(value, literal)) errors.Add($"{path}: expected {literal.GetRawText()}, got {value.GetRawText()}");
                break;
            case "user_defined_value":
                break;
        }
    }

    private static bool SameLiteral(JsonElement value, JsonElement literal) => literal.ValueKind switch
    {
        JsonValueKind.String => value.ValueKind == JsonValueKind.String && value.GetString() == literal.GetString(),
        JsonValueKind.Number => value.ValueKind == JsonValueKind.Number && value.GetDouble() == literal.GetDouble(),
        JsonValueKind.True or JsonValueKind.False => value.ValueKind == literal.ValueKind,
        _ => value.ValueKind == literal.ValueKind,
    };

    /// <summary>A union holds when one of its shapes holds; internally tagged ones are chosen by their tag property.</summary>
    private void CheckUnion(JsonElement value, List<JsonElement> items, JsonElement? variants, string path, List<string> errors, int depth)
    {
        if (variants is { } v && v.GetProperty("kind").GetString() == "internal_tag" && value.ValueKind == JsonValueKind.Object)
        {
            var tag = v.GetProperty("tag").GetString()!;
            var wanted = value.TryGetProperty(tag, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                : v.TryGetProperty("defaultTag", out var d) ? d.GetString() : null;
            foreach (var item in items)
            {
                if (item.GetProperty("kind").GetString() != "instance_of" || !_types.TryGetValue(Key(item.GetProperty("type")), out var type)) continue;
                var tagProperty = AllProperties(type).FirstOrDefault(p => p.GetProperty("name").GetString() == tag);
                if (tagProperty.ValueKind == JsonValueKind.Object && tagProperty.GetProperty("type") is { } tt
                    && tt.GetProperty("kind").GetString() == "literal_value" && tt.GetProperty("value").GetString() == wanted)
                {
                    Check(value, item, path, errors, depth + 1);
                    return;
                }
            }
            errors.Add($"{path}: '{tag}' value '{wanted}' is none of the variants");
            return;
        }
        var failures = new List<List<string>>();
        foreach (var item in items)
        {
            var inner = new List<string>();
            Check(value, item, path, inner, depth + 1);
            if (inner.Count == 0) return;
            failures.Add(inner);
        }
        var closest = failures.OrderBy(f => f.Count).FirstOrDefault() ?? [];
        errors.Add($"{path}: {Describe(value)} matches none of the {items.Count} shapes of the union (closest: {string.Join("; ", closest.Take(3))})");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "the object",
        JsonValueKind.Array => "the array",
        _ => value.GetRawText(),
    };

    private void CheckInstance(JsonElement value, (string Ns, string Name) name, string path, List<string> errors, int depth)
    {
        if (name.Ns == "_builtins")
        {
            var ok = name.Name switch
            {
                "string" => value.ValueKind == JsonValueKind.String,
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "number" => value.ValueKind == JsonValueKind.Number,
                "null" => value.ValueKind == JsonValueKind.Null,
                _ => true,
            };
            if (!ok) errors.Add($"{path}: expected {name.Name}, got {value.ValueKind}");
            return;
        }
        // A generic parameter (a document type such as TDocument) is any JSON.
        if (!_types.TryGetValue(name, out var type)) return;
        switch (type.GetProperty("kind").GetString())
        {
            case "type_alias":
                var aliased = type.GetProperty("type");
                if (aliased.GetProperty("kind").GetString() == "union_of")
                    CheckUnion(value, aliased.GetProperty("items").EnumerateArray().ToList(),
                        type.TryGetProperty("variants", out var variants) ? variants : null, path, errors, depth);
                else Check(value, aliased, path, errors, depth + 1);
                break;
            case "enum":
                CheckEnum(value, type, name, path, errors);
                break;
            case "interface":
                CheckInterface(value, type, path, errors, depth);
                break;
        }
    }

    private static void CheckEnum(JsonElement value, JsonElement type, (string Ns, string Name) name, string path, List<string> errors)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (text is null) { errors.Add($"{path}: expected a {name.Name} value, got {value.ValueKind}"); return; }
        if (type.TryGetProperty("isOpen", out var open) && open.GetBoolean()) return;
        foreach (var member in type.GetProperty("members").EnumerateArray())
        {
            if (member.GetProperty("name").GetString() == text) return;
            if (member.TryGetProperty("aliases", out var aliases) && aliases.EnumerateArray().Any(a => a.GetString() == text)) return;
        }
        errors.Add($"{path}: '{text}' is not a {name.Name} (one of {string.Join(", ", type.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()))})");
    }

    private void CheckInterface(JsonElement value, JsonElement type, string path, List<string> errors, int depth)
    {
        var properties = AllProperties(type);
        if (value.ValueKind != JsonValueKind.Object)
        {
            // A shortcut: {"term": {"field": "code"}} stands for {"term": {"field": {"value": "code"}}}.
            if (type.TryGetProperty("shortcutProperty", out var shortcut))
            {
                var property = properties.First(p => p.GetProperty("name").GetString() == shortcut.GetString());
                Check(value, property.GetProperty("type"), path, errors, depth + 1);
                return;
            }
            errors.Add($"{path}: expected an object ({type.GetProperty("name").GetProperty("name").GetString()}), got {value.ValueKind}");
            return;
        }
        var additional = Additional(type);
        var container = type.TryGetProperty("variants", out var v) && v.GetProperty("kind").GetString() == "container";
        CheckObject(value, properties, additional, container ? type : null, path, errors, depth);
    }

    private void CheckObject(JsonElement value, IEnumerable<JsonElement> properties, JsonElement? additional, JsonElement? container,
        string path, List<string> errors, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object, got {value.ValueKind}"); return; }
        var byName = new Dictionary<string, JsonElement>();
        foreach (var p in properties)
        {
            byName[p.GetProperty("name").GetString()!] = p;
            if (p.TryGetProperty("aliases", out var aliases))
                foreach (var a in aliases.EnumerateArray()) byName[a.GetString()!] = p;
        }
        var variants = 0;
        foreach (var member in value.EnumerateObject())
        {
            if (byName.TryGetValue(member.Name, out var property))
            {
                if (container is not null && !(property.TryGetProperty("containerProperty", out var cp) && cp.GetBoolean())) variants++;
                Check(member.Value, property.GetProperty("type"), $"{path}.{member.Name}", errors, depth + 1);
            }
            else if (additional is { } extra)
            {
                if (container is not null) variants++;
                Check(member.Value, extra, $"{path}.{member.Name}", errors, depth + 1);
            }
            else errors.Add($"{path}: unknown property '{member.Name}'");
        }
        if (container is not null)
        {
            if (variants != 1) errors.Add($"{path}: a {container.Value.GetProperty("name").GetProperty("name").GetString()} takes exactly one variant, got {variants}");
            return;
        }
        foreach (var p in properties)
        {
            if (p.GetProperty("required").GetBoolean() && !value.TryGetProperty(p.GetProperty("name").GetString()!, out _)
                && !(p.TryGetProperty("aliases", out var aliases) && aliases.EnumerateArray().Any(a => value.TryGetProperty(a.GetString()!, out _))))
                errors.Add($"{path}: required property '{p.GetProperty("name").GetString()}' is missing");
        }
    }

    /// <summary>The value type of an AdditionalProperty/AdditionalProperties behaviour (extra keys such as a field name), if any.</summary>
    private JsonElement? Additional(JsonElement type)
    {
        for (var t = type; ;)
        {
            if (t.TryGetProperty("behaviors", out var behaviors))
                foreach (var b in behaviors.EnumerateArray())
                {
                    var name = b.GetProperty("type").GetProperty("name").GetString();
                    if (name is "AdditionalProperty" or "AdditionalProperties" && b.TryGetProperty("generics", out var g) && g.GetArrayLength() == 2)
                        return g[1];
                }
            if (!t.TryGetProperty("inherits", out var inherits) || !_types.TryGetValue(Key(inherits.GetProperty("type")), out t)) return null;
        }
    }

    private List<JsonElement> AllProperties(JsonElement type)
    {
        var result = new List<JsonElement>();
        for (var t = type; ;)
        {
            if (t.TryGetProperty("properties", out var properties)) result.AddRange(properties.EnumerateArray());
            if (!t.TryGetProperty("inherits", out var inherits) || !_types.TryGetValue(Key(inherits.GetProperty("type")), out t)) return result;
        }
    }

    private static (string, string) Key(JsonElement name) => (name.GetProperty("namespace").GetString()!, name.GetProperty("name").GetString()!);

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
