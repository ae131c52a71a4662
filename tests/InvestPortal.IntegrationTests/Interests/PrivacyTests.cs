using System.Net;
using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Interests;

public abstract class PrivacyTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private sealed record Subject(InterestTestKit.Party Investor, Opportunity Listing, InterestTestKit.Party Owner, Guid InterestId,
        Guid ProfileId, string ProfileName, string ProfileEmail, string InterestEmail);

    /// <summary>An investor with a public profile, a saved search, a bookmark, a preference and an acknowledged interest.</summary>
    private async Task<Subject> ArrangeAsync()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var (owner, listing) = await factory.OwnerWithListingAsync("ru");
        var investor = await factory.UserAsync("ru", Roles.Investor);
        var profileName = $"Zeyafund{token}";
        var profileEmail = $"profile-{token}@private.example";
        var profileId = await factory.WithDbAsync(async db =>
        {
            var p = new InvestorProfile
            {
                ExternalRef = $"P-{token}", Slug = $"zeyafund-{token}", UserId = investor.User.Id, Country = "RU", Kind = InvestorKind.Fund,
                Sectors = ["forestry-timber"], Languages = ["ru"], ContactEmail = profileEmail, Visibility = ProfileVisibility.Public, OriginalCulture = "ru",
            };
            p.Translations.Add(new InvestorProfileTranslation { InvestorProfileId = p.Id, Culture = "ru", Name = profileName, Description = "Лесной фонд" });
            db.InvestorProfiles.Add(p);
            db.SavedSearches.Add(new SavedSearch { UserId = investor.User.Id, Name = $"Лес {token}", QueryJson = "{\"text\":\"лес\"}", Culture = "ru" });
            db.OpportunityBookmarks.Add(new OpportunityBookmark { UserId = investor.User.Id, OpportunityId = listing.Id, Decision = OpportunityDecision.Shortlisted });
            db.NotificationPreferences.Add(new NotificationPreference { Subscriber = investor.User.Id, Topic = "saved-searches", Enabled = false });
            db.Enqueue(OutboxKinds.Index, new IndexRequest([], [p.Id]), $"index:test-profile:{p.Id:N}");
            await db.SaveChangesAsync();
            return p.Id;
        });
        var interestEmail = $"eoi-{token}@private.example";
        Assert.Equal(HttpStatusCode.Redirect, (await investor.Client.SubmitInterestAsync("ru", listing.Slug, InterestTestKit.Form(interestEmail))).StatusCode);
        var id = await factory.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.OpportunityId == listing.Id).Select(e => e.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.StepAsync("ru", listing.Id, id, "form.step-acknowledged")).StatusCode);
        await IndexWaiter.WaitForIndexAsync(factory.Services);
        return new(investor, listing, owner, id, profileId, profileName, profileEmail, interestEmail);
    }

    [Fact]
    public async Task Export_holds_account_roles_profile_searches_bookmarks_interests_preferences_and_audit()
    {
        var s = await ArrangeAsync();
        var response = await s.Investor.Client.GetAsync("/ru/my/privacy?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(s.Investor.User.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(["Investor"], root.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(s.ProfileEmail, root.GetProperty("profiles")[0].GetProperty("contactEmail").GetString());
        Assert.StartsWith("Лес ", root.GetProperty("savedSearches")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(s.Listing.Id, root.GetProperty("bookmarks")[0].GetProperty("opportunityId").GetGuid());
        var interest = root.GetProperty("expressionsOfInterest")[0];
        Assert.Equal((s.InterestEmail, "Acknowledged"), (interest.GetProperty("contactEmail").GetString(), interest.GetProperty("status").ToString()));
        Assert.Equal("saved-searches", root.GetProperty("notificationPreferences")[0].GetProperty("topic").GetString());
        Assert.Contains(root.GetProperty("auditEntries").EnumerateArray(), a => a.GetProperty("action").GetString() == "interest.submit");
        // Another user's export never holds this user's data.
        var stranger = await factory.UserAsync("en", Roles.Investor);
        Assert.DoesNotContain(s.InterestEmail, await stranger.Client.GetStringAsync("/en/my/privacy?handler=Export"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_removes_personal_rows_and_anonymizes_interests_for_the_owner()
    {
        var s = await ArrangeAsync();
        var page = await s.Investor.Client.GetDocumentAsync("/ru/my/privacy");
        var wrong = await s.Investor.Client.SubmitFormAsync("/ru/my/privacy", page, "form.delete-account", new Dictionary<string, string> { ["Password"] = "not-my-password" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Неверный пароль", (await wrong.ParseAsync()).QuerySelector("#Password-error")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == s.Investor.User.Id)));

        var done = await s.Investor.Client.SubmitFormAsync("/ru/my/privacy", page, "form.delete-account", new Dictionary<string, string> { ["Password"] = Infrastructure.Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotNull((await done.ParseAsync()).QuerySelector(".account-deleted"));
        var id = s.Investor.User.Id;
        var left = await factory.WithDbAsync(async db => new[]
        {
            await db.Users.CountAsync(u => u.Id == id), await db.InvestorProfiles.CountAsync(p => p.UserId == id),
            await db.SavedSearches.CountAsync(x => x.UserId == id), await db.OpportunityBookmarks.CountAsync(b => b.UserId == id),
            await db.NotificationPreferences.CountAsync(p => p.Subscriber == id), await db.OrganizationMembers.CountAsync(m => m.UserId == id),
        });
        Assert.All(left, n => Assert.Equal(0, n));
        var kept = await factory.InterestAsync(s.InterestId);
        Assert.True(kept.IsAnonymized);
        Assert.Null(kept.UserId);
        Assert.Null(kept.ContactEmail);
        Assert.Null(kept.ContactPhone);
        Assert.Equal(("", ""), (kept.ContactPerson, kept.Message));
        Assert.Equal(InterestStatus.Acknowledged, kept.Status);

        // The owner still has the record, without the person.
        var detail = await s.Owner.Client.GetDocumentAsync($"/zh/my/opportunities/{s.Listing.Id}/interests/{s.InterestId}");
        Assert.Contains("已注销用户", detail.QuerySelector(".interest-contact .anonymized")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(s.InterestEmail, detail.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull((await s.Owner.Client.GetDocumentAsync($"/zh/my/opportunities/{s.Listing.Id}/interests")).QuerySelector($"tr[data-id='{s.InterestId}']"));

        // Audited without personal data; the old session is gone; the public profile leaves the index.
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "account.delete" && a.EntityId == id).SingleAsync());
        Assert.Null(audit.UserName);
        Assert.DoesNotContain("@", $"{audit.Details}{audit.Reason}", StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserName == s.Investor.User.Email)));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Investor.Client.GetAsync("/ru/my")).StatusCode);
        await IndexWaiter.WaitForIndexAsync(factory.Services);
        using var anonymous = factory.CreateBrowserlikeClient();
        var search = await anonymous.GetDocumentAsync("/en/investors?q=" + s.ProfileName);
        Assert.DoesNotContain(s.ProfileName, search.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_contacts_never_reach_the_public_api_feeds_sitemap_pages_or_search_index()
    {
        var s = await ArrangeAsync();
        string[] secrets = [s.InterestEmail, s.ProfileEmail, s.Investor.User.Email!, s.Owner.User.Email!];
        using var anonymous = factory.CreateBrowserlikeClient();
        // The profile is indexed and public: found by its name, never by its contact address.
        var byName = await anonymous.GetStringAsync("/en/investors?q=" + s.ProfileName);
        Assert.Contains(s.ProfileName, byName, StringComparison.Ordinal);

        var urls = new List<string>
        {
            "/api/v1/opportunities?pageSize=100", $"/api/v1/opportunities/{s.Listing.Id}", $"/api/v1/opportunities/{s.Listing.ExternalRef}",
            "/sitemap.xml", $"/en/investors?q={s.ProfileName}",
        };
        foreach (var c in Cultures.All)
        {
            urls.Add($"/{c}/feed.xml");
            urls.Add($"/{c}/opportunities/{s.Listing.Slug}");
        }
        var profileSlug = await factory.WithDbAsync(db => db.InvestorProfiles.Where(p => p.Id == s.ProfileId).Select(p => p.Slug).SingleAsync());
        urls.AddRange(Cultures.All.Select(c => $"/{c}/investors/{profileSlug}"));
        foreach (var url in urls)
        {
            var body = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
            foreach (var secret in secrets) Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows {secret}");
        }

        // The index documents themselves, as both engines receive them, and a search for the addresses.
        var (opportunityDoc, investorDoc) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var builder = sp.GetRequiredService<SearchDocumentBuilder>();
            var o = await db.Opportunities.Include(x => x.Translations).FirstAsync(x => x.Id == s.Listing.Id);
            var p = await db.InvestorProfiles.Include(x => x.Translations).FirstAsync(x => x.Id == s.ProfileId);
            return (JsonSerializer.Serialize(builder.Build(o)), JsonSerializer.Serialize(builder.Build(p)));
        });
        Assert.Contains(s.ProfileName, investorDoc, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, opportunityDoc, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, investorDoc, StringComparison.OrdinalIgnoreCase);
        }
        // Searching for the addresses finds neither the profile nor the listing the interest was sent to (the page echoes the query itself).
        var hits = await anonymous.GetStringAsync("/en/investors?q=" + Uri.EscapeDataString(s.ProfileEmail));
        Assert.DoesNotContain(s.ProfileName, hits, StringComparison.Ordinal);
        var listingHits = await anonymous.GetStringAsync("/en/opportunities?q=" + Uri.EscapeDataString(s.InterestEmail));
        Assert.DoesNotContain($"/en/opportunities/{s.Listing.Slug}\"", listingHits, StringComparison.Ordinal);
    }
}

public sealed class PrivacyOnSqlite(SqlitePortalFactory factory) : PrivacyTests<SqlitePortalFactory>(factory);
public sealed class PrivacyOnPostgres(PostgresPortalFactory factory) : PrivacyTests<PostgresPortalFactory>(factory);
