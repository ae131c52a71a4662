using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Core.Import;

/// <summary>
/// Reads the JSON Lines import format of DOMAIN.md and checks every line against the taxonomy and
/// the rules, collecting every problem with its line number instead of stopping at the first, so an
/// official fixing an exported spreadsheet sees all of them at once.
/// </summary>
public sealed class ImportParser(PortalTaxonomy taxonomy)
{
    public const int MaxTextLength = 20_000;

    /// <summary>Parses already decoded text, keeping every record (small files: demo content, tests).</summary>
    public ImportParseResult Parse(TextReader reader)
    {
        var records = new List<ImportRecord>();
        var errors = new List<ImportError>();
        var seenRefs = new Dictionary<string, int>(StringComparer.Ordinal);
        string? raw;
        var lineNumber = 0;
        while ((raw = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var line = ParseLine(new RawLine(lineNumber, System.Text.Encoding.UTF8.GetBytes(raw), null), seenRefs);
            if (line.Record is not null) records.Add(line.Record);
            errors.AddRange(line.Errors);
        }
        return new ImportParseResult(records, errors);
    }

    /// <summary>
    /// Parses a UTF-8 stream line by line (see <see cref="JsonLinesReader"/>): each line's record or errors is
    /// handed out as it is read and nothing is kept but the references seen (to report a repeated one), so a
    /// caller can validate a file of any size in one pass and write it in a second.
    /// </summary>
    public IEnumerable<ImportLine> Read(Stream utf8)
    {
        var seenRefs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in JsonLinesReader.Read(utf8))
        {
            var line = ParseLine(raw, seenRefs);
            if (line.Record is not null || line.Errors.Count > 0) yield return line;
        }
    }

    private ImportLine ParseLine(RawLine raw, Dictionary<string, int> seenRefs)
    {
        var errors = new List<ImportError>(0);
        if (raw.Problem is not null) return new ImportLine(raw.Number, null, [new ImportError(raw.Number, null, raw.Problem)]);
        if (IsBlank(raw.Utf8.Span)) return new ImportLine(raw.Number, null, errors);
        var line = new LineReader(raw.Number, errors);
        var record = ParseJson(raw.Utf8, line);
        if (record is null) return new ImportLine(raw.Number, null, errors);
        if (seenRefs.TryGetValue(record.ExternalRef, out var first))
            line.Error("externalRef", $"'{record.ExternalRef}' already appears on line {first}.");
        else
            seenRefs[record.ExternalRef] = raw.Number;
        return new ImportLine(raw.Number, line.HasErrors ? null : record, errors);
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v')) return false;
        return true;
    }

    private ImportRecord? ParseJson(ReadOnlyMemory<byte> raw, LineReader line)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(raw); }
        catch (JsonException ex)
        {
            line.Error(null, $"not valid JSON ({ex.Message.Split(". ")[0]}).");
            return null;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                line.Error(null, "each line must be one JSON object.");
                return null;
            }
            var root = doc.RootElement;
            var hasTitle = root.TryGetProperty("title", out _);
            var hasName = root.TryGetProperty("name", out _);
            if (hasTitle == hasName)
            {
                line.Error(null, "a line must have either \"title\" (an opportunity) or \"name\" (an investor profile).");
                return null;
            }
            return hasTitle ? ParseOpportunity(root, line) : ParseInvestor(root, line);
        }
    }

    private OpportunityRecord? ParseOpportunity(JsonElement o, LineReader line)
    {
        var externalRef = line.RequiredString(o, "externalRef", 64);
        var status = line.RequiredString(o, "status") switch
        {
            null => OpportunityStatus.Draft,
            "draft" => OpportunityStatus.Draft,
            "pending" => OpportunityStatus.PendingReview,
            "published" => OpportunityStatus.Published,
            var other => line.Fail<OpportunityStatus>("status", $"'{other}' is not one of draft, pending, published."),
        };
        var sector = line.Code(o, "sector", taxonomy.Sectors, required: true);
        var location = line.Code(o, "location", taxonomy.Locations, required: true);
        var partner = line.Code(o, "partnerRegion", taxonomy.PartnerRegions, required: false);
        var title = line.Text(o, "title", required: true, maxLength: 200);
        var summary = line.Text(o, "summary", required: true, maxLength: 1000);
        var description = line.Text(o, "description", required: true, maxLength: MaxTextLength);
        decimal total = 0, minTicket = 0;
        string currency = "CNY";
        var hasMin = false;
        if (!o.TryGetProperty("investment", out var inv) || inv.ValueKind != JsonValueKind.Object)
            line.Error("investment", "is required: {\"total\":…,\"currency\":\"CNY\"}.");
        else
        {
            total = line.Amount(inv, "investment.total", "total", required: true) ?? 0;
            currency = line.Currency(inv, "investment.currency", "currency") ?? "CNY";
            var min = line.Amount(inv, "investment.minTicket", "minTicket", required: false);
            hasMin = min.HasValue;
            minTicket = min ?? 0;
            if (hasMin && minTicket > total && total > 0)
                line.Error("investment.minTicket", "is larger than the total investment.");
        }
        var modes = line.Codes(o, "cooperationModes", taxonomy.Modes, required: true);
        var stage = line.Code(o, "stage", taxonomy.Stages, required: false);
        var tags = line.Strings(o, "tags", 40).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        var organization = line.RequiredString(o, "organization", 200);
        var email = line.Email(o, "contactEmail", required: true);
        var publishedAt = line.Date(o, "publishedAt");
        var position = Position(o, line);
        var provenance = line.Provenance(o, title);
        if (line.HasErrors) return null;
        return new OpportunityRecord(line.Number, externalRef!, status, sector!, location!, partner, title, summary, description,
            total, currency, hasMin ? minTicket : null, modes, stage, tags, organization!, email!, publishedAt, position, provenance);
    }

    /// <summary>Optional "position": {"latitude": 47.65, "longitude": 132.51}, in the province (the editor's rule, PositionInput).</summary>
    private static Geography.GeoPoint? Position(JsonElement o, LineReader line)
    {
        if (!o.TryGetProperty("position", out var p) || p.ValueKind == JsonValueKind.Null) return null;
        if (p.ValueKind != JsonValueKind.Object
            || !p.TryGetProperty("latitude", out var lat) || lat.ValueKind != JsonValueKind.Number
            || !p.TryGetProperty("longitude", out var lon) || lon.ValueKind != JsonValueKind.Number)
        {
            line.Error("position", "must be {\"latitude\": number, \"longitude\": number} in decimal degrees.");
            return null;
        }
        var (latitude, longitude) = (lat.GetDouble(), lon.GetDouble());
        switch (Geography.PositionInput.Check(latitude, longitude)?.MessageKey)
        {
            case null: return new Geography.GeoPoint(latitude, longitude);
            case "Position.Error.OffTheGlobe": line.Error("position", "is not a point on the globe (latitude −90…90, longitude −180…180)."); break;
            default: line.Error("position", $"({latitude}, {longitude}) is not in Heilongjiang (latitude first, then longitude)."); break;
        }
        return null;
    }

    private InvestorRecord? ParseInvestor(JsonElement o, LineReader line)
    {
        var externalRef = line.RequiredString(o, "externalRef", 64);
        var name = line.Text(o, "name", required: true, maxLength: 200);
        var country = line.RequiredString(o, "country", 2)?.ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
            line.Error("country", $"'{country}' is not an ISO 3166-1 two-letter country code.");
        var homeRegion = line.Code(o, "homeRegion", taxonomy.PartnerRegions, required: false);
        var kind = line.RequiredString(o, "kind") switch
        {
            null => InvestorKind.Corporate,
            "corporate" => InvestorKind.Corporate,
            "fund" => InvestorKind.Fund,
            "state-owned" => InvestorKind.StateOwned,
            "bank" => InvestorKind.Bank,
            "individual" => InvestorKind.Individual,
            var other => line.Fail<InvestorKind>("kind", $"'{other}' is not one of corporate, fund, state-owned, bank, individual."),
        };
        var languages = line.Strings(o, "languages", 5);
        foreach (var bad in languages.Where(l => !Cultures.IsSupported(l)))
            line.Error("languages", $"'{bad}' is not one of zh, ru, en.");
        var sectors = line.Codes(o, "sectors", taxonomy.Sectors, required: false);
        var locations = line.Codes(o, "locations", taxonomy.Locations, required: false);
        decimal? min = null, max = null;
        var currency = "CNY";
        if (o.TryGetProperty("ticket", out var ticket) && ticket.ValueKind == JsonValueKind.Object)
        {
            min = line.Amount(ticket, "ticket.min", "min", required: false);
            max = line.Amount(ticket, "ticket.max", "max", required: false);
            currency = line.Currency(ticket, "ticket.currency", "currency") ?? "CNY";
            if (min > max) line.Error("ticket", $"min ({min}) is larger than max ({max}).");
        }
        var modes = line.Codes(o, "cooperationModes", taxonomy.Modes, required: false);
        var description = line.Text(o, "description", required: false, maxLength: MaxTextLength);
        var email = line.Email(o, "contactEmail", required: false);
        if (line.HasErrors) return null;
        return new InvestorRecord(line.Number, externalRef!, name, country!, homeRegion, kind, languages, sectors, locations,
            min, max, currency, modes, description, email);
    }

    /// <summary>Reads fields of one line, recording each problem against the line's number.</summary>
    private sealed class LineReader(int number, List<ImportError> errors)
    {
        private readonly int _errorsBefore = errors.Count;
        public int Number => number;
        public bool HasErrors => errors.Count > _errorsBefore;

        public void Error(string? field, string message) => errors.Add(new ImportError(number, field, message));

        public T Fail<T>(string field, string message) where T : struct
        {
            Error(field, message);
            return default;
        }

        public string? RequiredString(JsonElement o, string field, int maxLength = 100)
        {
            if (!o.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
            {
                Error(field, "is required and must be a non-empty string.");
                return null;
            }
            var s = v.GetString()!.Trim();
            if (s.Length > maxLength) Error(field, $"is longer than {maxLength} characters.");
            return s;
        }

        public string? Code(JsonElement o, string field, IReadOnlyList<TaxonomyTerm> terms, bool required)
        {
            if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(field, "is required.");
                return null;
            }
            var code = v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
            if (terms.Any(t => t.Code == code)) return code;
            Error(field, $"unknown code '{code}'.");
            return null;
        }

        public IReadOnlyList<string> Codes(JsonElement o, string field, IReadOnlyList<TaxonomyTerm> terms, bool required)
        {
            var values = Strings(o, field, 20);
            if (required && values.Count == 0) Error(field, "needs at least one code.");
            foreach (var bad in values.Where(c => terms.All(t => t.Code != c)))
                Error(field, $"unknown code '{bad}'.");
            return values.Distinct().ToList();
        }

        public IReadOnlyList<string> Strings(JsonElement o, string field, int maxCount)
        {
            if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return [];
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                Error(field, "must be an array of strings.");
                return [];
            }
            var list = v.EnumerateArray().Select(e => e.GetString()!).ToList();
            if (list.Count > maxCount) Error(field, $"has more than {maxCount} entries.");
            return list;
        }

        /// <summary>Optional "provenance": {"ru":"machine-reviewed","en":"owner"}, for languages the title is given in.</summary>
        public Dictionary<string, TranslationProvenance> Provenance(JsonElement o, LocalizedText title)
        {
            var result = new Dictionary<string, TranslationProvenance>(StringComparer.Ordinal);
            if (!o.TryGetProperty("provenance", out var v) || v.ValueKind == JsonValueKind.Null) return result;
            if (v.ValueKind != JsonValueKind.Object)
            {
                Error("provenance", "must be an object such as {\"ru\":\"machine-reviewed\"}.");
                return result;
            }
            var codes = string.Join(", ", TranslationProvenanceCodes.ByCode.Keys);
            foreach (var p in v.EnumerateObject())
            {
                if (!Cultures.IsSupported(p.Name)) { Error($"provenance.{p.Name}", "is not one of zh, ru, en."); continue; }
                if (title[p.Name] is null) { Error($"provenance.{p.Name}", "names a language the title is not given in."); continue; }
                if (p.Value.ValueKind != JsonValueKind.String || !TranslationProvenanceCodes.ByCode.TryGetValue(p.Value.GetString()!, out var value))
                {
                    Error($"provenance.{p.Name}", $"'{p.Value}' is not one of {codes}.");
                    continue;
                }
                if (value == TranslationProvenance.Original && p.Name != title.FirstCulture)
                {
                    Error($"provenance.{p.Name}", $"only the original language (the first in \"title\", {title.FirstCulture}) is the original.");
                    continue;
                }
                result[p.Name] = value;
            }
            return result;
        }

        public LocalizedText Text(JsonElement o, string field, bool required, int maxLength)
        {
            if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(field, "is required: an object with at least one of zh, ru, en.");
                return LocalizedText.Empty;
            }
            if (v.ValueKind != JsonValueKind.Object)
            {
                Error(field, "must be an object such as {\"zh\":\"…\",\"ru\":\"…\"}.");
                return LocalizedText.Empty;
            }
            var values = new List<KeyValuePair<string, string>>();
            foreach (var p in v.EnumerateObject())
            {
                if (!Cultures.IsSupported(p.Name)) { Error($"{field}.{p.Name}", "is not one of zh, ru, en."); continue; }
                if (p.Value.ValueKind != JsonValueKind.String) { Error($"{field}.{p.Name}", "must be a string."); continue; }
                var text = p.Value.GetString()!.Trim();
                if (text.Length == 0) continue;
                if (text.Length > maxLength) Error($"{field}.{p.Name}", $"is longer than {maxLength} characters.");
                values.Add(new(p.Name, text));
            }
            if (required && values.Count == 0) Error(field, "has no non-empty text in zh, ru or en.");
            return new LocalizedText(values);
        }

        public decimal? Amount(JsonElement o, string field, string property, bool required)
        {
            if (!o.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(field, "is required.");
                return null;
            }
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var amount))
            {
                Error(field, $"'{v.GetRawText()}' is not a number.");
                return null;
            }
            if (MoneyRule.Check(amount) is var problem and not MoneyProblem.None)
            {
                Error(field, $"{amount.ToString(CultureInfo.InvariantCulture)} is not a plausible amount: it {MoneyRule.Describe(problem)}");
                return null;
            }
            return amount;
        }

        public string? Currency(JsonElement o, string field, string property)
        {
            if (!o.TryGetProperty(property, out var v) || v.ValueKind != JsonValueKind.String)
            {
                Error(field, "is required: one of CNY, RUB, USD, EUR.");
                return null;
            }
            var c = v.GetString()!.ToUpperInvariant();
            if (MoneyRule.IsCurrency(c)) return c;
            Error(field, $"'{v.GetString()}' is not one of CNY, RUB, USD, EUR.");
            return null;
        }

        public string? Email(JsonElement o, string field, bool required)
        {
            if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(field, "is required.");
                return null;
            }
            var s = v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : "";
            if (s.Length is > 0 and <= 254 && MailAddress.TryCreate(s, out var address) && address.Address == s && s.Contains('.', StringComparison.Ordinal))
                return s;
            Error(field, $"'{s}' is not an email address.");
            return null;
        }

        public DateTimeOffset? Date(JsonElement o, string field)
        {
            if (!o.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            var s = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
                return dt.ToUniversalTime();
            Error(field, $"'{s ?? v.GetRawText()}' is not a date (YYYY-MM-DD).");
            return null;
        }
    }
}
