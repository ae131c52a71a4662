using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// What every journey needs: people and organizations made directly in the database (the journeys that
/// create them through the UI do so themselves), a signed-in browser page, and the interface text of a
/// language, so one journey can run in zh, ru and en and still check the words a person reads.
/// </summary>
public abstract class Journey(BrowserFixture fixture)
{
    protected const string Password = "browser-journey-2026";

    protected BrowserFixture Fixture => fixture;
    protected Mailbox Mailbox => fixture.Mailbox;

    /// <summary>A confirmed account with one role, a preferred language and (optionally) membership of an organization.</summary>
    protected async Task<string> UserAsync(string culture, string role, Guid? organizationId = null, string displayName = "Journey user")
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"{role.ToLowerInvariant()}-{culture}-{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, PreferredCulture = culture };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        if (organizationId is { } org)
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.OrganizationMembers.Add(new OrganizationMember { UserId = user.Id, OrganizationId = org });
            await db.SaveChangesAsync();
        }
        return email;
    }

    /// <summary>A verified government agency or development zone with a unique name.</summary>
    protected Task<Guid> AgencyAsync(string nameZh, string nameRu, string nameEn) => DbAsync(async db =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var org = new Organization
        {
            Name = $"{nameZh} {suffix}", NameZh = $"{nameZh} {suffix}", NameRu = $"{nameRu} {suffix}", NameEn = $"{nameEn} {suffix}",
            Kind = OrganizationKind.GovernmentAgency, IsVerified = true, Country = "CN",
        };
        org.Slug = Slugs.ForOrganization(org);
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    });

    protected async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>A fresh browser whose language is <paramref name="culture"/>, signed in on the culture's login page.</summary>
    protected async Task<IPage> SignInAsync(string culture, string email, string password = Password, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var page = await fixture.NewPageAsync(AcceptLanguage(culture), test);
        await page.GotoAsync($"/{culture}/account/login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    protected static string AcceptLanguage(string culture) => culture switch
    {
        "zh" => "zh-CN,zh;q=0.9",
        "ru" => "ru-RU,ru;q=0.9",
        _ => "en-US,en;q=0.9",
    };

    /// <summary>The interface text for <paramref name="key"/> in the culture, as the page shows it.</summary>
    protected string T(string culture, string key, params object[] args)
    {
        var localizer = fixture.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.HtmlLang(culture));
        try
        {
            var text = localizer[key, args];
            Assert.False(text.ResourceNotFound, $"No text for {key}");
            return text.Value;
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    /// <summary>The Content-Language an email in this culture declares.</summary>
    protected static string EmailLanguage(string culture) => Cultures.HtmlLang(culture);
}
