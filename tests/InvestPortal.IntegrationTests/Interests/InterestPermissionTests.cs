using System.Net;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Interests;

/// <summary>Who may submit, list, view, acknowledge and close: everyone but the owner's officials and admins gets 404 on the owner's side.</summary>
public abstract class InterestPermissionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private sealed record Actor(string Name, HttpClient Client, bool SignedIn);

    private async Task<(Opportunity Listing, Guid InterestId, Dictionary<string, Actor> Actors)> ArrangeAsync()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync();
        var enterprise = await factory.UserAsync("en", Roles.Enterprise);
        await factory.OrganizationAsync(false, OrganizationKind.Enterprise, enterprise.User);
        var investor = await factory.UserAsync("en", Roles.Investor);
        var otherOfficial = await factory.UserAsync("en", Roles.Official);
        await factory.OrganizationAsync(true, OrganizationKind.GovernmentAgency, otherOfficial.User);
        var admin = await factory.UserAsync("en", Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.Client.SubmitInterestAsync("en", listing.Slug, InterestTestKit.Form("e@example.org"))).StatusCode);
        var id = await factory.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.OpportunityId == listing.Id).Select(e => e.Id).SingleAsync());
        var actors = new Dictionary<string, Actor>
        {
            ["anonymous"] = new("anonymous", factory.CreateBrowserlikeClient(), false),
            ["investor"] = new("investor", investor.Client, true),
            ["enterprise"] = new("enterprise", enterprise.Client, true),
            ["owner official"] = new("owner official", owner.Client, true),
            ["other official"] = new("other official", otherOfficial.Client, true),
            ["admin"] = new("admin", admin.Client, true),
        };
        return (listing, id, actors);
    }

    private static async Task<HttpStatusCode> PostStepAsync(Actor actor, string url, InterestStatus status, InterestStatus target, string? outcome = null)
    {
        var form = new Dictionary<string, string> { ["status"] = status.ToString(), ["target"] = target.ToString() };
        if (outcome is not null) form["outcome"] = outcome;
        if (actor.SignedIn) form["__RequestVerificationToken"] = await actor.Client.AntiforgeryTokenAsync();
        return (await actor.Client.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode;
    }

    [Fact]
    public async Task Permission_matrix_for_submit_list_view_acknowledge_and_close()
    {
        var (listing, id, actors) = await ArrangeAsync();
        var list = $"/en/my/opportunities/{listing.Id}/interests";
        var detail = $"{list}/{id}";
        const HttpStatusCode Login = HttpStatusCode.Redirect, Ok = HttpStatusCode.OK, Done = HttpStatusCode.Redirect,
            Forbidden = HttpStatusCode.Forbidden, NotFound = HttpStatusCode.NotFound;
        var expected = new Dictionary<string, (HttpStatusCode Submit, HttpStatusCode List, HttpStatusCode View, HttpStatusCode Ack)>
        {
            ["anonymous"] = (Login, Login, Login, Login),
            ["investor"] = (Ok, NotFound, NotFound, NotFound),
            ["enterprise"] = (Ok, NotFound, NotFound, NotFound),
            ["owner official"] = (Forbidden, Ok, Ok, Done),
            ["other official"] = (Forbidden, NotFound, NotFound, NotFound),
            ["admin"] = (Forbidden, Ok, Ok, Done),
        };
        var failures = new List<string>();
        void Check(string who, string what, HttpStatusCode want, HttpStatusCode got)
        {
            if (want != got) failures.Add($"{who} {what}: expected {(int)want}, got {(int)got}");
        }
        foreach (var (name, actor) in actors)
        {
            var want = expected[name];
            Check(name, "submit page", want.Submit, (await actor.Client.GetAsync($"/en/opportunities/{listing.Slug}/interest")).StatusCode);
            Check(name, "list", want.List, (await actor.Client.GetAsync(list)).StatusCode);
            Check(name, "view", want.View, (await actor.Client.GetAsync(detail)).StatusCode);
            if (want.Ack == Done) continue; // the allowed ones act below, in order
            Check(name, "acknowledge", want.Ack, await PostStepAsync(actor, detail, InterestStatus.Submitted, InterestStatus.Acknowledged));
            Check(name, "close", want.Ack, await PostStepAsync(actor, detail, InterestStatus.Submitted, InterestStatus.Closed, InterestOutcomes.Declined));
        }
        Assert.Equal(InterestStatus.Submitted, (await factory.InterestAsync(id)).Status);
        Check("owner official", "acknowledge", Done, await PostStepAsync(actors["owner official"], detail, InterestStatus.Submitted, InterestStatus.Acknowledged));
        Check("admin", "close", Done, await PostStepAsync(actors["admin"], detail, InterestStatus.Acknowledged, InterestStatus.Closed, InterestOutcomes.NoResponse));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var closed = await factory.InterestAsync(id);
        Assert.Equal((InterestStatus.Closed, InterestOutcomes.NoResponse), (closed.Status, closed.Outcome));
    }

    [Fact]
    public async Task Guessed_ids_are_not_found_even_for_the_owner()
    {
        var (listing, id, actors) = await ArrangeAsync();
        var owner = actors["owner official"].Client;
        await owner.GetDocumentAsync($"/en/my/opportunities/{listing.Id}/interests/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await owner.GetDocumentAsync($"/en/my/opportunities/{Guid.NewGuid()}/interests", HttpStatusCode.NotFound);
        // An interest of another listing is not reachable through the owner's listing.
        var (_, otherListing) = await factory.OwnerWithListingAsync();
        await owner.GetDocumentAsync($"/en/my/opportunities/{otherListing.Id}/interests/{id}", HttpStatusCode.NotFound);
        // Nobody but the interested organization can withdraw.
        foreach (var who in new[] { "investor", "other official", "owner official" })
        {
            var client = actors[who].Client;
            var form = new Dictionary<string, string> { ["id"] = id.ToString(), ["status"] = "Submitted", ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync() };
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/en/my/interests?handler=Withdraw", new FormUrlEncodedContent(form))).StatusCode);
        }
        Assert.Equal(InterestStatus.Submitted, (await factory.InterestAsync(id)).Status);
        // A post without the antiforgery token is refused.
        var bare = new Dictionary<string, string> { ["status"] = "Submitted", ["target"] = "Acknowledged" };
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsync($"/en/my/opportunities/{listing.Id}/interests/{id}", new FormUrlEncodedContent(bare))).StatusCode);
    }

    [Fact]
    public async Task The_owners_list_links_from_my_opportunities_and_never_shows_contacts_before_acknowledgement()
    {
        var (listing, id, actors) = await ArrangeAsync();
        var owner = actors["owner official"].Client;
        var mine = await owner.GetDocumentAsync("/en/my/opportunities");
        var link = mine.QuerySelector($"li[data-id='{listing.Id}'] a.interests-link")!;
        Assert.Equal($"/en/my/opportunities/{listing.Id}/interests", link.GetAttribute("href"));
        Assert.Contains("1", link.TextContent, StringComparison.Ordinal);
        var listPage = await owner.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.DoesNotContain("e@example.org", listPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var detail = await owner.GetDocumentAsync($"/en/my/opportunities/{listing.Id}/interests/{id}");
        Assert.DoesNotContain("e@example.org", detail.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("acknowledge", detail.QuerySelector(".contact-hidden")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class InterestPermissionsOnSqlite(SqlitePortalFactory factory) : InterestPermissionTests<SqlitePortalFactory>(factory);
public sealed class InterestPermissionsOnPostgres(PostgresPortalFactory factory) : InterestPermissionTests<PostgresPortalFactory>(factory);
