using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Search;

public abstract class MatchingPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task An_investor_sees_ranked_matches_with_reasons_in_their_language()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        // Give this user a profile of its own (profiles are edited in the profile feature; here the demo one is claimed).
        var reference = await factory.WithDbAsync(async db =>
        {
            var profile = await db.InvestorProfiles.Where(p => p.UserId == null && p.Sectors.Count > 0).OrderBy(p => p.ExternalRef).FirstAsync();
            profile.UserId = user.Id;
            await db.SaveChangesAsync();
            return profile.Sectors[0];
        });
        var doc = await client.GetDocumentAsync("/ru/my/matches");
        var items = doc.QuerySelectorAll(".match-list > li");
        Assert.NotEmpty(items);
        var scores = items.Select(li => int.Parse(new string(li.QuerySelector(".match-score")!.TextContent.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Contains("Отрасль:", items[0].QuerySelector(".reasons")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_profile_the_page_explains_what_to_do()
    {
        var (client, _) = await factory.SignedInAsync(Roles.Investor);
        var doc = await client.GetDocumentAsync("/en/my/matches");
        Assert.Empty(doc.QuerySelectorAll(".match-list > li"));
        Assert.Contains("investor profile", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_owner_organization_and_admins_see_matching_investors_on_a_listing()
    {
        var (slug, orgId) = await factory.WithDbAsync(async db => await db.Opportunities
            .Where(o => o.Status == OpportunityStatus.Published && o.SectorCode == "forestry-timber")
            .Select(o => new Tuple<string, Guid>(o.Slug, o.OrganizationId)).FirstAsync());
        var (official, officialUser) = await factory.SignedInAsync(Roles.Official);
        await factory.WithDbAsync(async db =>
        {
            db.OrganizationMembers.Add(new OrganizationMember { UserId = officialUser.Id, OrganizationId = orgId });
            return await db.SaveChangesAsync();
        });
        var (outsider, _) = await factory.SignedInAsync(Roles.Official);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        using var anonymous = factory.CreateBrowserlikeClient();

        var ownerView = await official.GetDocumentAsync($"/zh/opportunities/{slug}");
        Assert.NotNull(ownerView.QuerySelector(".owner-panel"));
        Assert.NotEmpty(ownerView.QuerySelectorAll(".owner-panel .match-list > li"));
        Assert.Contains("行业：", ownerView.QuerySelector(".owner-panel")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await admin.GetDocumentAsync($"/en/opportunities/{slug}")).QuerySelector(".owner-panel"));
        Assert.Null((await outsider.GetDocumentAsync($"/en/opportunities/{slug}")).QuerySelector(".owner-panel"));
        Assert.Null((await anonymous.GetDocumentAsync($"/en/opportunities/{slug}")).QuerySelector(".owner-panel"));
    }
}

public sealed class MatchingPagesOnSqlite(SqlitePortalFactory factory) : MatchingPagesTests<SqlitePortalFactory>(factory);
public sealed class MatchingPagesOnPostgres(PostgresPortalFactory factory) : MatchingPagesTests<PostgresPortalFactory>(factory);
