using System.Net;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Interests;

public abstract class InterestRulesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task One_open_interest_per_organization_a_second_is_refused_with_a_link_to_the_first()
    {
        var (_, listing) = await factory.OwnerWithListingAsync();
        var first = await factory.UserAsync("ru", Roles.Enterprise);
        var colleague = await factory.UserAsync("ru", Roles.Enterprise);
        await factory.OrganizationAsync(false, OrganizationKind.Enterprise, first.User, colleague.User);
        Assert.Equal(HttpStatusCode.Redirect, (await first.Client.SubmitInterestAsync("ru", listing.Slug, InterestTestKit.Form("a@example.org"))).StatusCode);
        var id = await factory.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.OpportunityId == listing.Id).Select(e => e.Id).SingleAsync());

        // The colleague's form is already replaced by the notice...
        var page = await colleague.Client.GetDocumentAsync($"/ru/opportunities/{listing.Slug}/interest");
        Assert.Equal($"/ru/my/interests#interest-{id}", page.QuerySelector(".existing-interest a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form.interest-form"));
        // ...and a post made from a form opened before the first one was sent is refused in the transaction.
        var form = InterestTestKit.Form("b@example.org");
        var url = $"/ru/opportunities/{listing.Slug}/interest";
        var token = await colleague.Client.AntiforgeryTokenAsync();
        form["__RequestVerificationToken"] = token;
        var refused = await colleague.Client.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = await refused.ParseAsync();
        Assert.Contains("уже подала заявление", doc.QuerySelector(".existing-interest")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ExpressionsOfInterest.CountAsync(e => e.OpportunityId == listing.Id)));
        Assert.Equal(1, (await factory.WithDbAsync(db => db.Opportunities.FirstAsync(o => o.Id == listing.Id))).InterestCount);

        // Once closed, the organization may register interest again.
        await factory.WithDbAsync(async db =>
        {
            (await db.ExpressionsOfInterest.FirstAsync(e => e.Id == id)).Status = InterestStatus.Closed;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.Client.SubmitInterestAsync("ru", listing.Slug, InterestTestKit.Form("b@example.org"))).StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ExpressionsOfInterest.CountAsync(e => e.OpportunityId == listing.Id)));
    }

    [Fact]
    public async Task Bad_input_is_explained_per_field_in_the_page_language_and_kept()
    {
        var (_, listing) = await factory.OwnerWithListingAsync();
        var enterprise = await factory.UserAsync("en", Roles.Enterprise);
        await factory.OrganizationAsync(true, OrganizationKind.Enterprise, enterprise.User);
        var form = InterestTestKit.Form("not-an-address", message: "");
        form["Input.Role"] = "Owner";
        form["Input.Amount"] = "много";
        form["Input.ContactPhone"] = "call me";
        var response = await enterprise.Client.SubmitInterestAsync("ru", listing.Slug, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("Выберите, в каком качестве", doc.QuerySelector("#Input_Role-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("больше нуля", doc.QuerySelector("#Input_Amount-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#Input_Message-error"));
        Assert.NotNull(doc.QuerySelector("#Input_ContactEmail-error"));
        Assert.Contains("телефон", doc.QuerySelector("#Input_ContactPhone-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("много", doc.QuerySelector("#Input_Amount")!.GetAttribute("value"));
        Assert.Equal("not-an-address", doc.QuerySelector("#Input_ContactEmail")!.GetAttribute("value"));
        Assert.Equal("Иван Соколов", doc.QuerySelector("#Input_ContactPerson")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ExpressionsOfInterest.CountAsync(e => e.OpportunityId == listing.Id)));
    }

    [Fact]
    public async Task An_investor_without_organization_names_one_and_it_is_created_unverified()
    {
        var (_, listing) = await factory.OwnerWithListingAsync();
        var investor = await factory.UserAsync("zh", Roles.Investor);
        var page = await investor.Client.GetDocumentAsync($"/zh/opportunities/{listing.Slug}/interest");
        Assert.NotNull(page.QuerySelector("#Input_OrganizationName"));
        var form = InterestTestKit.Form("li@example.org");
        form["Input.OrganizationName"] = "哈尔滨远东资本";
        Assert.Equal(HttpStatusCode.Redirect, (await investor.Client.SubmitInterestAsync("zh", listing.Slug, form)).StatusCode);
        var org = await factory.WithDbAsync(db => db.OrganizationMembers.Where(m => m.UserId == investor.User.Id).Select(m => m.Organization!).SingleAsync());
        Assert.Equal(("哈尔滨远东资本", OrganizationKind.Investor, false), (org.Name, org.Kind, org.IsVerified));
        Assert.Equal(org.Id, (await factory.WithDbAsync(db => db.ExpressionsOfInterest.SingleAsync(e => e.OpportunityId == listing.Id))).OrganizationId);
        // Next time the organization is known and not asked again.
        var (_, other) = await factory.OwnerWithListingAsync();
        Assert.Null((await investor.Client.GetDocumentAsync($"/zh/opportunities/{other.Slug}/interest")).QuerySelector("#Input_OrganizationName"));
    }

    [Fact]
    public async Task Unpublished_listings_take_no_interest()
    {
        var owner = await factory.UserAsync("zh", Roles.Official);
        var org = await factory.OrganizationAsync(true, OrganizationKind.DevelopmentZone, owner.User);
        var draft = await factory.PublishedAsync(org);
        await factory.WithDbAsync(async db =>
        {
            (await db.Opportunities.FirstAsync(o => o.Id == draft.Id)).Status = OpportunityStatus.Draft;
            return await db.SaveChangesAsync();
        });
        var enterprise = await factory.UserAsync("en", Roles.Enterprise);
        await enterprise.Client.GetDocumentAsync($"/en/opportunities/{draft.Slug}/interest", HttpStatusCode.NotFound);
    }
}

public sealed class InterestRulesOnSqlite(SqlitePortalFactory factory) : InterestRulesTests<SqlitePortalFactory>(factory);
public sealed class InterestRulesOnPostgres(PostgresPortalFactory factory) : InterestRulesTests<PostgresPortalFactory>(factory);
