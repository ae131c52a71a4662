using System.Text.Json;
using InvestPortal.Benchmarks.Search;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Testing;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Benchmarks.Load;

/// <summary>
/// Writes the search benchmark's synthetic opportunities (78 % in zh, ru and en) as an import file in the JSON Lines
/// format of DOMAIN.md, for tests/InvestPortal.Benchmarks/import.sh (issue 13: import to searchable).
/// Usage: dotnet run -c Release --project tests/InvestPortal.Benchmarks -- import-file FILE [opportunities=100000]
/// </summary>
public static class ImportFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static int Run(string[] args)
    {
        if (args.Length < 1) { Console.Error.WriteLine("usage: import-file FILE [opportunities=100000]"); return 2; }
        var count = args.Length > 1 ? int.Parse(args[1]) : 100_000;
        var content = TestPaths.Content;
        var corpus = new SyntheticCorpus(PortalTaxonomy.Load(Path.Combine(content, "taxonomy.json")),
            GlossaryModel.Load(Path.Combine(content, "glossary.jsonl")));
        using var writer = new StreamWriter(args[0], append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        for (var i = 0; i < count; i++)
        {
            var o = corpus.Opportunity(i);
            Dictionary<string, string?> Texts(Func<OpportunityTranslation, string?> pick) =>
                o.Translations.OrderBy(t => t.Culture != o.OriginalCulture).ToDictionary(t => t.Culture, pick);
            var line = new Dictionary<string, object?>
            {
                ["externalRef"] = o.ExternalRef,
                ["status"] = "published",
                ["sector"] = o.SectorCode,
                ["location"] = o.LocationCode,
                ["partnerRegion"] = o.PartnerRegionCode,
                ["title"] = Texts(t => t.Title),
                ["summary"] = Texts(t => t.Summary),
                ["description"] = Texts(t => t.Description),
                ["investment"] = new Dictionary<string, object?> { ["total"] = o.TotalAmount, ["currency"] = o.Currency, ["minTicket"] = o.MinTicket },
                ["cooperationModes"] = o.CooperationModes,
                ["stage"] = o.StageCode,
                ["tags"] = o.Tags,
                ["organization"] = "黑龙江省商务厅 (synthetic)",
                ["contactEmail"] = o.ContactEmail,
                ["publishedAt"] = o.PublishedAt!.Value.ToString("yyyy-MM-dd"),
            };
            writer.Write(JsonSerializer.Serialize(line, Json));
            writer.Write('\n');
        }
        Console.WriteLine($"wrote {count} opportunities to {args[0]} ({new FileInfo(args[0]).Length / 1048576.0:F0} MiB)");
        return 0;
    }
}
