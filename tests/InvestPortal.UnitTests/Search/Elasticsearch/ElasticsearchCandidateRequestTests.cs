using System.Text.Json;
using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Xunit;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>
/// Both engines must retrieve the same match candidates: the Elasticsearch request has to weigh each clause exactly as
/// <see cref="CandidateTerms"/> says (the weights the Lucene engine sums) and sort as the Lucene engine breaks ties.
/// Checked clause by clause against the shared definition, so a weight changed on one side only fails here.
/// </summary>
public sealed class ElasticsearchCandidateRequestTests
{
    private static readonly InvestorDocument Investor = new()
    {
        Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        ExternalRef = "FUND-WIDE",
        Sectors = ["energy", "agriculture", "energy"],
        Locations = ["230600"],
        LocationScope = ["230600", "230621", "230000"],
        Modes = ["ppp", "equity"],
        // More than CandidateTerms.MaxConcepts: the cap must be the same on both sides.
        Concepts = [.. Enumerable.Range(0, CandidateTerms.MaxConcepts + 30).Select(i => $"concept-{i}")],
        HomeRegion = "RU-AMU",
    };

    private static readonly OpportunityDocument Opportunity = new()
    {
        Id = Guid.Parse("0f9619ff-8b86-d011-b42d-00c04fc964ff"),
        ExternalRef = "TIMBER",
        Sector = "forestry-timber",
        Location = "231100",
        LocationPath = ["231100", "230000"],
        PartnerRegion = "RU-AMU",
        Modes = ["joint-venture"],
        Concepts = ["timber", "logistics"],
    };

    [Fact]
    public async Task Candidate_clauses_for_an_investor_are_constant_scores_with_the_shared_weights_sorted_by_score_then_id()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-opportunities/_search", CannedResponse.Ok(EsResponses.Candidates()));
        using var engine = EsTest.Engine(invoker);

        await engine.MatchOpportunitiesForInvestorAsync(Investor);

        AssertCandidateRequest(Assert.Single(invoker.Significant).Body, MatchCriteria.ForInvestor(Investor), forOpportunities: true,
            new Dictionary<CandidateCriterion, string>
            {
                [CandidateCriterion.Sector] = "sector", [CandidateCriterion.Location] = "location", [CandidateCriterion.Mode] = "modes",
                [CandidateCriterion.Concept] = "concepts", [CandidateCriterion.PartnerRegion] = "partner_region",
            });
    }

    [Fact]
    public async Task Candidate_clauses_for_an_opportunity_are_constant_scores_with_the_shared_weights_sorted_by_score_then_id()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-investors/_search", CannedResponse.Ok(EsResponses.Candidates()));
        using var engine = EsTest.Engine(invoker);

        await engine.MatchInvestorsForOpportunityAsync(Opportunity);

        AssertCandidateRequest(Assert.Single(invoker.Significant).Body, MatchCriteria.ForOpportunity(Opportunity), forOpportunities: false,
            new Dictionary<CandidateCriterion, string>
            {
                [CandidateCriterion.Sector] = "sectors", [CandidateCriterion.Location] = "location_scope", [CandidateCriterion.Mode] = "modes",
                [CandidateCriterion.Concept] = "concepts",
            });
    }

    private static void AssertCandidateRequest(string body, MatchCriteria criteria, bool forOpportunities,
        Dictionary<CandidateCriterion, string> fields)
    {
        var expected = CandidateTerms.For(criteria, forOpportunities);
        Assert.Equal(forOpportunities ? 2 + 3 + 2 + CandidateTerms.MaxConcepts + 1 : 1 + 2 + 1 + 2, expected.Count);

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var should = root.GetProperty("query").GetProperty("bool").GetProperty("should").EnumerateArray().ToList();
        Assert.Equal(expected.Count, should.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var constant = should[i].GetProperty("constant_score");
            Assert.Equal(expected[i].Weight, constant.GetProperty("boost").GetSingle());
            var term = Assert.Single(constant.GetProperty("filter").GetProperty("term").EnumerateObject());
            Assert.Equal(fields[expected[i].Criterion], term.Name);
            Assert.Equal(expected[i].Code, term.Value.GetProperty("value").GetString());
        }

        // The Lucene engine sums the very same (code, weight) clauses.
        var lucene = LuceneQueries.CandidateClauses(criteria, forOpportunities);
        Assert.Equal(expected.Select(t => (t.Code, t.Weight)), lucene.Select(c => (c.Term.Text, c.Boost)));

        // Score, then id ascending: the tie-break of LuceneCandidates (CandidateTerms.CompareIds).
        var sort = root.GetProperty("sort").EnumerateArray().Select(s => s.GetRawText()).ToList();
        Assert.Equal(["""{"_score":{"order":"desc"}}""", """{"id":{"order":"asc"}}"""], sort.Select(s => s.Replace(" ", "")));
        Assert.Equal(MatchScorer.CandidatePool, root.GetProperty("size").GetInt32());
    }
}
