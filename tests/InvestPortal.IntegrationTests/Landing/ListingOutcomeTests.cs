using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Interests;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Landing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Landing;

/// <summary>Closing a listing with its outcome, who may do it, the admins' correction, and the demo funnel, on the demo catalogue.</summary>
public abstract class ListingOutcomeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory, new()
{
    private Task<FunnelReport> ReportAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<LandingFunnel>().ReportAsync());

    /// <summary>An open interest in the listing, registered by an investor user who reads Russian.</summary>
    private async Task<(Guid Id, string InvestorEmail)> OpenInterestAsync(Opportunity listing)
    {
        var investor = await factory.UserAsync("ru", Roles.Investor);
        var org = await factory.OrganizationAsync(true, OrganizationKind.Investor, investor.User);
        return await factory.WithDbAsync(async db =>
        {
            var e = new ExpressionOfInterest
            {
                OpportunityId = listing.Id, OrganizationId = org, UserId = investor.User.Id, Role = InterestRole.Investor,
                Message = "Готовы обсудить", ContactPerson = "Иван", Status = InterestStatus.Acknowledged,
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-20), FirstReplyAt = DateTimeOffset.UtcNow.AddDays(-18),
            };
            db.ExpressionsOfInterest.Add(e);
            await db.SaveChangesAsync();
            return (e.Id, investor.User.Email!);
        });
    }

    private static async Task<HttpResponseMessage> CloseAsync(HttpClient client, string culture, Guid id, Dictionary<string, string> values)
    {
        var url = $"/{culture}/my/opportunities/{id}/close";
        return await client.SubmitFormAsync(url, await client.GetDocumentAsync(url), "form.outcome-form", values);
    }

    [Fact]
    public async Task An_official_closes_a_listing_as_landed_and_it_keeps_a_public_page_joins_the_landed_list_and_the_funnel()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync("zh");
        var (interestId, investorEmail) = await OpenInterestAsync(listing);
        var landedBefore = (await ReportAsync()).Cities.SingleOrDefault(c => c.Key == "231100")?.Landed ?? 0;

        var response = await CloseAsync(owner.Client, "zh", listing.Id, new()
        {
            ["Input.Outcome"] = ListingOutcomes.AgreementSigned, ["Input.Country"] = "RU", ["Input.Amount"] = "50 000 000",
            ["Input.Currency"] = "CNY", ["Input.CloseInterests"] = interestId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var closed = await factory.OpportunityAsync(listing.Id);
        Assert.Equal((OpportunityStatus.Closed, ListingOutcomes.AgreementSigned, "RU", 50_000_000m, "CNY"),
            (closed.Status, closed.Outcome, closed.OutcomeCountry, closed.OutcomeAmount, closed.OutcomeCurrency));
        Assert.NotNull(closed.ClosedAt);
        var interest = await factory.InterestAsync(interestId);
        Assert.Equal((InterestStatus.Closed, InterestOutcomes.Agreed), (interest.Status, interest.Outcome));
        Assert.NotNull(interest.DiscussionAt);
        Assert.Single(await factory.EmailsToAsync(investorEmail, EmailTemplates.InterestStatusChanged));
        var audit = await factory.AuditAsync(listing.Id);
        var recorded = Assert.Single(audit, a => a.Action == "opportunity.outcome");
        Assert.Equal((ListingOutcomes.AgreementSigned, owner.User.Id), (recorded.ToState, recorded.UserId));
        Assert.Single(audit, a => a.Action == "opportunity.close");

        var anonymous = factory.CreateClient();
        var page = await anonymous.GetDocumentAsync($"/en/opportunities/{listing.Slug}");
        Assert.Contains("Landed", page.QuerySelector(".landed-note .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("CNY 50 million committed", page.QuerySelector(".landed-note")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".interest-panel"));
        var landed = await anonymous.GetDocumentAsync("/ru/landed");
        Assert.Contains(landed.QuerySelectorAll(".landed-list a"), a => a.GetAttribute("href") == $"/ru/opportunities/{listing.Slug}");
        Assert.Equal(landedBefore + 1, (await ReportAsync()).Cities.Single(c => c.Key == "231100").Landed);
    }

    [Fact]
    public async Task Only_officials_of_the_owner_organization_may_close_a_listing()
    {
        var (_, listing) = await factory.OwnerWithListingAsync();
        var otherOfficial = await factory.UserAsync("en", Roles.Official);
        await factory.OrganizationAsync(true, OrganizationKind.DevelopmentZone, otherOfficial.User);
        var admin = await factory.UserAsync("en", Roles.Admin);
        var investor = await factory.UserAsync("en", Roles.Investor);
        var url = $"/en/my/opportunities/{listing.Id}/close";
        foreach (var (name, client) in new[] { ("other official", otherOfficial.Client), ("admin", admin.Client), ("investor", investor.Client) })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"{name} reads the close page");
            var token = await client.AntiforgeryTokenAsync();
            var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Version"] = listing.Version.ToString(), ["Input.Outcome"] = ListingOutcomes.Operating,
            }));
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{name} closes: {post.StatusCode}");
        }
        Assert.Equal(OpportunityStatus.Published, (await factory.OpportunityAsync(listing.Id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserlikeClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_amount_or_a_missing_outcome_is_refused_in_the_readers_language_and_nothing_closes()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync("ru");
        var response = await CloseAsync(owner.Client, "ru", listing.Id, new()
        {
            ["Input.Outcome"] = ListingOutcomes.Operating, ["Input.Amount"] = "-5", ["Input.Currency"] = "CNY",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Введите сумму больше 0", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("-5", page.QuerySelector("#Input_Amount")!.GetAttribute("value"));

        // "Expired" is the portal's to record, not a choice of the owner.
        response = await CloseAsync(owner.Client, "ru", listing.Id, new() { ["Input.Outcome"] = ListingOutcomes.Expired });
        Assert.Contains("Выберите, чем завершился проект.", (await response.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OpportunityStatus.Published, (await factory.OpportunityAsync(listing.Id)).Status);
    }

    [Fact]
    public async Task Only_admins_correct_an_outcome_and_the_correction_is_audited_with_its_reason()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync("en");
        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(owner.Client, "en", listing.Id, new() { ["Input.Outcome"] = ListingOutcomes.Withdrawn })).StatusCode);
        var url = $"/en/admin/outcomes/{listing.Id}";
        Assert.NotEqual(HttpStatusCode.OK, (await owner.Client.GetAsync(url)).StatusCode);

        var admin = await factory.UserAsync("en", Roles.Admin);
        var form = await admin.Client.GetDocumentAsync(url);
        var refused = await admin.Client.SubmitFormAsync(url, form, "form.outcome-form", new Dictionary<string, string> { ["Input.Outcome"] = ListingOutcomes.Operating });
        Assert.Contains("Say why you are correcting the outcome.", (await refused.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ListingOutcomes.Withdrawn, (await factory.OpportunityAsync(listing.Id)).Outcome);

        var done = await admin.Client.SubmitFormAsync(url, form, "form.outcome-form", new Dictionary<string, string>
        {
            ["Input.Outcome"] = ListingOutcomes.Operating, ["Input.Country"] = "KZ", ["Input.Reason"] = "The zone confirmed the plant opened in November.",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var corrected = await factory.OpportunityAsync(listing.Id);
        Assert.Equal((ListingOutcomes.Operating, "KZ"), (corrected.Outcome, corrected.OutcomeCountry));
        var entry = Assert.Single(await factory.AuditAsync(listing.Id), a => a.Action == "opportunity.outcome.correct");
        Assert.Equal((ListingOutcomes.Withdrawn, ListingOutcomes.Operating, admin.User.Id), (entry.FromState, entry.ToState, entry.UserId));
        Assert.Equal("The zone confirmed the plant opened in November.", entry.Reason);
        var list = await admin.Client.GetDocumentAsync("/en/admin/landing");
        Assert.Contains("Operating", list.QuerySelector($"tr[data-id='{listing.Id}']")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_demo_catalogue_tells_a_funnel_story_and_is_marked_as_demo()
    {
        var report = await ReportAsync();
        Assert.NotNull(report.Total);
        Assert.True(report.IncludesDemo);
        Assert.True(report.Total!.Landed >= 7, $"landed {report.Total.Landed}");
        Assert.True(report.Cities.Count(c => c.IsDemo) >= 4, "several demo cities shown");
        Assert.True(report.Total.InDiscussion > report.Total.Landed && report.Total.Interests > report.Total.InDiscussion);
        Assert.NotNull(report.Total.MedianReplyDays);

        var landed = await factory.CreateClient().GetDocumentAsync("/zh/landed");
        Assert.True(landed.QuerySelectorAll(".landed-list > li").Length >= 7);
        Assert.All(landed.QuerySelectorAll(".landed-list > li").Where(li => li.QuerySelector("a")!.GetAttribute("href")!.Contains("demo", StringComparison.Ordinal)),
            li => Assert.NotNull(li.QuerySelector(".card .badge")));
        var page = await factory.CreateClient().GetDocumentAsync("/zh/landing");
        Assert.NotNull(page.QuerySelector("main .notice .badge"));
    }
}

public sealed class ListingOutcomeOnSqlite(SqlitePortalFactory factory) : ListingOutcomeTests<SqlitePortalFactory>(factory);
public sealed class ListingOutcomeOnPostgres(PostgresPortalFactory factory) : ListingOutcomeTests<PostgresPortalFactory>(factory);
