using System.Text.Json;
using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Xunit;
using static InvestPortal.UnitTests.Search.SearchTestData;

namespace InvestPortal.UnitTests.Search;

/// <summary>Matching reads the <c>_match</c> JSON with generated metadata; it must read exactly what the writer wrote.</summary>
public sealed class MatchFactsJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly SearchDocumentBuilder _builder = new(SearchTestData.Semantics());

    [Fact]
    public void Opportunity_and_investor_match_facts_round_trip()
    {
        foreach (var o in Opportunities().Select(_builder.Build).OfType<OpportunityDocument>())
        {
            var written = JsonSerializer.SerializeToUtf8Bytes(LuceneDocuments.MatchFacts(o), Web);
            var read = LuceneDocuments.ReadOpportunity(written)!;
            Assert.Equal(JsonSerializer.Serialize(LuceneDocuments.MatchFacts(o), Web), JsonSerializer.Serialize(read, Web));
            Assert.Equal(MatchScorer.TicketFits(new InvestorDocument { Id = Guid.Empty, ExternalRef = "x", TicketMaxCny = 1e9m }, o),
                MatchScorer.TicketFits(new InvestorDocument { Id = Guid.Empty, ExternalRef = "x", TicketMaxCny = 1e9m }, read));
        }
        foreach (var i in Investors().Select(_builder.Build).OfType<InvestorDocument>())
        {
            var written = JsonSerializer.SerializeToUtf8Bytes(LuceneDocuments.MatchFacts(i), Web);
            Assert.Equal(JsonSerializer.Serialize(LuceneDocuments.MatchFacts(i), Web), JsonSerializer.Serialize(LuceneDocuments.ReadInvestor(written)!, Web));
        }
    }
}
