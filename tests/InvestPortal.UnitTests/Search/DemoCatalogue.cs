using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Search;
using InvestPortal.Testing;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.UnitTests.Search;

/// <summary>content/demo parsed with the importer's parser into in-memory entities, with the real glossary and rates.</summary>
public static class DemoCatalogue
{
    public static SearchSemantics Semantics { get; } = new(
        SearchTestData.Taxonomy,
        new ExchangeRateTable(ExchangeRateTable.LoadFile(Path.Combine(TestPaths.Content, "exchange-rates.json"))),
        GlossaryModel.Load(Path.Combine(TestPaths.Content, "glossary.jsonl")));

    public static IReadOnlyList<Opportunity> Opportunities { get; } = DemoContent.Opportunities(TestPaths.Content, SearchTestData.Taxonomy);
    public static IReadOnlyList<InvestorProfile> Investors { get; } = DemoContent.Investors(TestPaths.Content, SearchTestData.Taxonomy);
}
