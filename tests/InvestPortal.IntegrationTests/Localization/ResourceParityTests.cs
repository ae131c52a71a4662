using System.Xml.Linq;
using InvestPortal.Testing;

namespace InvestPortal.IntegrationTests.Localization;

public class ResourceParityTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "localization");

    private static Dictionary<string, string> Load(string culture) =>
        XDocument.Load(Path.Combine(Folder, $"SharedResource.{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    [Fact]
    public void Every_key_exists_and_is_filled_in_zh_ru_and_en()
    {
        var all = new[] { "zh", "ru", "en" }.ToDictionary(c => c, Load);
        var keys = all.Values.SelectMany(d => d.Keys).ToHashSet();
        var problems = (from culture in all.Keys
                        from key in keys
                        where !all[culture].TryGetValue(key, out var v) || string.IsNullOrWhiteSpace(v)
                        select $"{culture}: {key}").ToList();
        Assert.True(problems.Count == 0, "Missing or empty: " + string.Join(", ", problems));
    }

    [Fact]
    public void Placeholders_match_across_languages()
    {
        var all = new[] { "zh", "ru", "en" }.ToDictionary(c => c, Load);
        static string Holes(string s) => string.Join(",", System.Text.RegularExpressions.Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Distinct().Order());
        var problems = all["en"].Keys.Where(k => Holes(all["en"][k]) != Holes(all["zh"][k]) || Holes(all["en"][k]) != Holes(all["ru"][k])).ToList();
        Assert.True(problems.Count == 0, "Placeholder mismatch: " + string.Join(", ", problems));
    }

    [Fact]
    public void Every_key_used_by_the_pages_exists()
    {
        var keys = Load("en").Keys.ToHashSet();
        var src = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "src", "InvestPortal.Web");
        var used = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "(?:L\\[|ErrorMessage = |AddModelError\\([^,]+, |Name = |LabelKey: |new FieldModel\\(\"[^\"]+\", )\"([A-Z][A-Za-z]+\\.[A-Za-z.]+)\""))
            .Select(m => m.Groups[1].Value)
            .ToHashSet();
        Assert.NotEmpty(used);
        var missing = used.Where(k => !keys.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Used but not in the resources: " + string.Join(", ", missing));
    }
}
