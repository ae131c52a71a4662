using System.Net;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Investing;

public abstract class InvestorProfileTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private Task<InvestorProfile?> ProfileOfAsync(string userId) =>
        factory.WithDbAsync(db => db.InvestorProfiles.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.UserId == userId));

    [Fact]
    public async Task Bad_input_is_refused_next_to_each_field_in_russian_and_everything_typed_comes_back()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        var fields = InvestingTestKit.ProfileFields("ООО «Амур-Лес»", min: "500 000 000", max: "20 000 000")
            .Where(f => f.Key != "Form.Languages" && f.Key != "Form.Sectors").ToList();
        fields.Add(new("Form.Sectors", "space-mining"));
        fields.Add(new("Form.Locations", "999999"));
        var response = await client.SaveProfileAsync("ru", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("не может быть меньше минимальной", page.QuerySelector("#Form_TicketMax-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("только из списка", page.QuerySelector("#Form_Sectors-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("только из списка", page.QuerySelector("#Form_Locations-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("хотя бы один рабочий язык", page.QuerySelector("#Form_Languages-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Form_TicketMax']"));
        // What was typed is still there, the unknown codes included.
        Assert.Equal("500 000 000", page.QuerySelector("#Form_TicketMin")!.GetAttribute("value"));
        Assert.Equal("ООО «Амур-Лес»", page.QuerySelector("#Form_Ru_Name")!.GetAttribute("value"));
        Assert.Equal("Инвестируем в деревообработку и логистику на границе.", page.QuerySelector("#Form_Ru_Description")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Form.Locations'][value='231100'][checked]"));
        Assert.Null(await ProfileOfAsync(user.Id));

        // No sector at all is refused too, with its own message.
        fields = InvestingTestKit.ProfileFields("ООО «Амур-Лес»").Where(f => f.Key != "Form.Sectors").ToList();
        page = await (await client.SaveProfileAsync("en", fields)).ParseAsync();
        Assert.Contains("at least one sector", page.QuerySelector("#Form_Sectors-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await ProfileOfAsync(user.Id));
    }

    [Fact]
    public async Task A_valid_profile_is_saved_indexed_and_shows_how_complete_it_is()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        var name = Unique("Амурский лесной фонд");
        var fields = InvestingTestKit.ProfileFields(name, ["forestry-timber", "logistics"], contactEmail: null)
            .Where(f => f.Key != "Form.Modes").ToList();
        var response = await client.SaveProfileAsync("ru", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = (await ProfileOfAsync(user.Id))!;
        Assert.Equal((10_000_000m, 200_000_000m, "CNY"), (saved.TicketMin!.Value, saved.TicketMax!.Value, saved.TicketCurrency));
        Assert.Equal(["forestry-timber", "logistics"], saved.Sectors);
        Assert.Equal(["zh", "ru"], saved.Languages);
        Assert.Equal(("RU", "RU-AMU", "ru"), (saved.Country, saved.HomeRegion, saved.OriginalCulture));
        Assert.Equal(name, saved.Translations.Single().Name);

        var page = await client.GetDocumentAsync("/ru/my/profile");
        Assert.Contains("Профиль сохранён", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var missing = page.QuerySelectorAll(".completeness .missing-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Form_Modes", missing);
        Assert.Contains("#Form_ContactEmail", missing);
        Assert.DoesNotContain("#Form_Sectors", missing);
        Assert.Matches(@"\d+", page.QuerySelector(".completeness h2")!.TextContent);
        Assert.NotNull(page.QuerySelector("#tab-ru .original-marker"));

        // Free-text home region (not a Russian partner region) is kept as written.
        fields = InvestingTestKit.ProfileFields(name).Select(f => f.Key switch
        {
            "Form.HomeRegion" => new KeyValuePair<string, string>(f.Key, "other"),
            "Form.HomeRegionOther" => new(f.Key, "Новосибирск"),
            _ => f,
        }).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SaveProfileAsync("ru", fields)).StatusCode);
        Assert.Equal("Новосибирск", (await ProfileOfAsync(user.Id))!.HomeRegion);
        // Longer than the stored field: refused with a message, not cut or failed.
        var tooLong = fields.Select(f => f.Key == "Form.HomeRegionOther" ? new KeyValuePair<string, string>(f.Key, "Новосибирская область") : f).ToList();
        var refused = await (await client.SaveProfileAsync("ru", tooLong)).ParseAsync();
        Assert.NotNull(refused.QuerySelector("#Form_HomeRegionOther-error"));

        // The index follows through the outbox: the public directory finds it.
        await factory.DrainOutboxAsync();
        using var anonymous = factory.CreateBrowserlikeClient();
        var directory = await anonymous.GetDocumentAsync("/ru/investors?q=" + Uri.EscapeDataString(name));
        Assert.Contains(directory.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/ru/investors/{saved.Slug}");
    }

    [Fact]
    public async Task Visibility_decides_who_sees_the_profile_and_the_contact_email_is_never_public()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Investor);
        var name = Unique("Хабаровск Капитал");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SaveProfileAsync("ru", InvestingTestKit.ProfileFields(name, contactEmail: "secret-desk@example.ru"))).StatusCode);
        var slug = (await ProfileOfAsync(ownerUser.Id))!.Slug;
        var url = $"/en/investors/{slug}";
        using var anonymous = factory.CreateBrowserlikeClient();
        var (otherInvestor, _) = await factory.SignedInAsync(Roles.Investor);
        var (official, _) = await factory.SignedInAsync(Roles.Official);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);

        // Public: everyone, but never the contact address.
        foreach (var client in new[] { anonymous, otherInvestor, official, admin, owner })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("secret-desk@example.ru", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Officials only: officials and admins (and the owner); not the public, the sitemap or the directory.
        await owner.SaveProfileAsync("ru", InvestingTestKit.ProfileFields(name, visibility: "OfficialsOnly", contactEmail: "secret-desk@example.ru"));
        await factory.DrainOutboxAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherInvestor.GetAsync(url)).StatusCode);
        foreach (var client in new[] { official, admin, owner })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("secret-desk@example.ru", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(slug, await anonymous.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        var directory = await anonymous.GetDocumentAsync("/en/investors?q=" + Uri.EscapeDataString(name));
        Assert.DoesNotContain(directory.QuerySelectorAll("a"), a => a.GetAttribute("href")?.EndsWith(slug, StringComparison.Ordinal) == true);

        // Hidden: the owner only.
        await owner.SaveProfileAsync("ru", InvestingTestKit.ProfileFields(name, visibility: "Hidden"));
        foreach (var client in new[] { anonymous, otherInvestor, official, admin })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Matches_follow_the_profile_when_it_changes()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        async Task<List<string>> TopSectorsAsync()
        {
            var ids = (await client.GetDocumentAsync("/ru/my/matches")).QuerySelectorAll(".match-list > li")
                .Select(li => Guid.Parse(li.GetAttribute("data-id")!)).Take(3).ToList();
            Assert.NotEmpty(ids);
            var sectors = await factory.WithDbAsync(db => db.Opportunities.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.SectorCode));
            return ids.Select(id => sectors[id]).ToList();
        }

        var noModes = InvestingTestKit.ProfileFields("Энерго-Восток", ["energy"]).Where(f => f.Key is not ("Form.Modes" or "Form.Locations" or "Form.TicketMin" or "Form.TicketMax")).ToList();
        await client.SaveProfileAsync("ru", noModes);
        Assert.Equal("energy", (await TopSectorsAsync())[0]);

        var agri = InvestingTestKit.ProfileFields("Энерго-Восток", ["agri-food"]).Where(f => f.Key is not ("Form.Modes" or "Form.Locations" or "Form.TicketMin" or "Form.TicketMax")).ToList();
        await client.SaveProfileAsync("ru", agri);
        Assert.Equal("agri-food", (await TopSectorsAsync())[0]);
        Assert.Contains("Отрасль:", (await client.GetDocumentAsync("/ru/my/matches")).QuerySelector(".match-list .reasons")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class InvestorProfileOnSqlite(SqlitePortalFactory factory) : InvestorProfileTests<SqlitePortalFactory>(factory);
public sealed class InvestorProfileOnPostgres(PostgresPortalFactory factory) : InvestorProfileTests<PostgresPortalFactory>(factory);
