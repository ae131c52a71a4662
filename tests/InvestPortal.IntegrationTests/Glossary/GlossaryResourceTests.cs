using System.Xml.Linq;
using InvestPortal.Core.Glossary;
using InvestPortal.Testing;

namespace InvestPortal.IntegrationTests.Glossary;

public class GlossaryResourceTests
{
    /// <summary>
    /// The edit page builds error keys from rule codes ("Glossary.Error." + code), which the resource parity test cannot
    /// see in the page source; this checks each one exists, filled in, in every language.
    /// </summary>
    [Fact]
    public void Every_rule_code_has_a_message_in_zh_ru_and_en()
    {
        var folder = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "localization");
        var missing = new List<string>();
        foreach (var culture in new[] { "zh", "ru", "en" })
        {
            var keys = XDocument.Load(Path.Combine(folder, $"SharedResource.{culture}.resx")).Root!.Elements("data")
                .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => d.Attribute("name")!.Value).ToHashSet();
            missing.AddRange(GlossaryRules.Codes.Select(c => $"Glossary.Error.{c}").Concat(["Glossary.Zh", "Glossary.Ru", "Glossary.En"])
                .Where(k => !keys.Contains(k)).Select(k => $"{culture}: {k}"));
        }
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }
}
