using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Interests;
using InvestPortal.IntegrationTests.Investing;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>
/// Issue 12: decimal.MaxValue typed into a form was stored and then broke every page that read the row. Every form, the
/// API and stored rows now go through the one money rule (Core/Money/MoneyRule).
/// </summary>
public abstract class MoneyRuleTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    protected const string DecimalMax = "79228162514264337593543950335";
    protected TFactory Factory => factory;

    [Fact]
    public async Task The_interest_form_refuses_an_amount_beyond_a_trillion_in_the_page_language_and_stores_nothing()
    {
        var (_, listing) = await factory.OwnerWithListingAsync();
        var enterprise = await factory.UserAsync("ru", Roles.Enterprise);
        await factory.OrganizationAsync(true, OrganizationKind.Enterprise, enterprise.User);
        var form = InterestTestKit.Form("buyer@example.org");
        form["Input.Amount"] = DecimalMax;

        var response = await enterprise.Client.SubmitInterestAsync("ru", listing.Slug, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("не может превышать", doc.QuerySelector("#Input_Amount-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DecimalMax, doc.QuerySelector("#Input_Amount")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ExpressionsOfInterest.CountAsync(e => e.OpportunityId == listing.Id)));
    }

    [Fact]
    public async Task The_listing_editor_refuses_an_amount_beyond_a_trillion_and_more_than_two_decimals()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(ownerUser);
        var page = await owner.GetDocumentAsync("/en/my/opportunities/edit");
        var fields = PublishingTestKit.EditorFields("黑河跨境电商园");
        fields["Form.Amount"] = DecimalMax;
        fields["Form.MinTicket"] = "1000.555";
        fields["save"] = "1";

        var response = await owner.SubmitFormAsync("/en/my/opportunities/edit", page, "form.editor", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("at most 1,000,000,000,000", doc.QuerySelector("#Form_Amount-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at most 2 decimal places", doc.QuerySelector("#Form_MinTicket-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.Translations.Any(t => t.Title == "黑河跨境电商园"))));
    }

    [Fact]
    public async Task The_investor_profile_ticket_range_follows_the_same_rule()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        var response = await client.SaveProfileAsync("zh", InvestingTestKit.ProfileFields("ООО «Точность»", min: "1000,555", max: "200 000 000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("最多保留 2 位小数", doc.QuerySelector("#Form_TicketMin-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.InvestorProfiles.AnyAsync(p => p.UserId == user.Id)));
    }

    [Theory]
    [InlineData("minAmount=" + DecimalMax, "minAmount")]
    [InlineData("maxAmount=0.001", "maxAmount")]
    [InlineData("minAmount=1000&currency=XYZ", "currency")]
    public async Task The_API_answers_400_naming_an_amount_filter_it_cannot_apply(string query, string named)
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/opportunities?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_still_filters_by_a_valid_amount()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/opportunities?minAmount=1000000.50&maxAmount=1000000000000&currency=usd");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class MoneyRuleOnPostgres(PostgresPortalFactory factory) : MoneyRuleTests<PostgresPortalFactory>(factory);

public sealed class MoneyRuleOnSqlite(SqlitePortalFactory factory) : MoneyRuleTests<SqlitePortalFactory>(factory)
{
    /// <summary>
    /// A row written before the rule (SQLite keeps amounts as doubles, so anything up to 1e308 fits) must not crash the
    /// pages of everyone who reads it: the owners' inbox and detail, the investor's own list, the organization's
    /// listings, the editor, the public page and the home page's totals.
    /// </summary>
    [Fact]
    public async Task Amounts_stored_beyond_the_decimal_range_are_read_clamped_and_every_page_still_answers()
    {
        var (owner, listing) = await Factory.OwnerWithListingAsync("en");
        var enterprise = await Factory.UserAsync("en", Roles.Enterprise);
        await Factory.OrganizationAsync(true, OrganizationKind.Enterprise, enterprise.User);
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.Client.SubmitInterestAsync("en", listing.Slug, InterestTestKit.Form("buyer@example.org"))).StatusCode);
        var interestId = await Factory.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.OpportunityId == listing.Id).Select(e => e.Id).SingleAsync());
        // EF keeps GUIDs as upper-case text on SQLite.
        var (interestKey, listingKey) = (interestId.ToString().ToUpperInvariant(), listing.Id.ToString().ToUpperInvariant());
        await Factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE ExpressionsOfInterest SET Amount = 7.9228162514264338e28 WHERE Id = {interestKey}");
            return await db.Database.ExecuteSqlAsync($"UPDATE Opportunities SET TotalAmount = 1e300, MinTicket = -1e300 WHERE Id = {listingKey}");
        });
        Assert.Equal(1_000_000_000_000m, await Factory.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.Id == interestId).Select(e => e.Amount).SingleAsync()));

        var stored = await Factory.WithDbAsync(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == listing.Id));
        Assert.Equal((1_000_000_000_000m, -1_000_000_000_000m), (stored.TotalAmount, stored.MinTicket));
        foreach (var url in new[]
        {
            $"/en/my/opportunities/{listing.Id}/interests", $"/en/my/opportunities/{listing.Id}/interests/{interestId}",
            "/en/my/opportunities", $"/en/my/opportunities/edit/{listing.Id}", $"/en/my/opportunities/preview/{listing.Id}",
        })
            Assert.True((await owner.Client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.Client.GetAsync("/en/my/interests")).StatusCode);
        var anonymous = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/en/opportunities/{listing.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/en/")).StatusCode);
    }
}
