using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// The admin's day, once per interface language: find a user, give them a role, suspend them (they are told
/// why when they sign in, and nothing else), lift it; then find an email that died and send it again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    [Theory]
    [InlineData("zh")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task Admin_grants_a_role_suspends_and_restores_a_user_and_retries_a_dead_email(string culture)
    {
        var adminEmail = await UserAsync(culture, Roles.Admin, displayName: "Admin");
        var userEmail = await UserAsync(culture, Roles.Enterprise, displayName: "Ли Вэй");
        var admin = await SignInAsync(culture, adminEmail);

        // 1. Find the user and make them an official too.
        await admin.GotoAsync($"/{culture}/admin/users?q={Uri.EscapeDataString(userEmail[..20])}");
        await Axe.AssertNoSeriousViolationsAsync(admin);
        await admin.Locator(".users-table a", new() { HasText = userEmail }).ClickAsync();
        await admin.WaitForURLAsync($"**/{culture}/admin/users/*");
        await admin.Locator($"li[data-role='{Roles.Official}'] form.add-role button").ClickAsync();
        await admin.WaitForSelectorAsync($"li[data-role='{Roles.Official}'] form.remove-role");
        Assert.Contains(T(culture, "AdminUsers.HasRole"), await admin.Locator($"li[data-role='{Roles.Official}']").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(admin);

        // 2. Suspend: the user, with the right password, is told; with a wrong one, nothing is revealed.
        await admin.Locator("form.lock-form button").ClickAsync();
        await admin.WaitForSelectorAsync("form.unlock-form");
        Assert.Equal(T(culture, "AdminUsers.Locked"), (await admin.Locator(".lock-state").InnerTextAsync()).Trim());
        var user = await Fixture.NewPageAsync(AcceptLanguage(culture));
        async Task<string> SignInErrorAsync(string password)
        {
            await user.GotoAsync($"/{culture}/account/login");
            await user.FillAsync("#Input_Email", userEmail);
            await user.FillAsync("#Input_Password", password);
            await user.Locator("main form button[type=submit]").ClickAsync();
            await user.WaitForSelectorAsync(".error-summary");
            return await user.Locator(".error-summary").InnerTextAsync();
        }
        Assert.Contains(T(culture, "Login.Suspended"), await SignInErrorAsync(Password), StringComparison.Ordinal);
        Assert.Contains(T(culture, "Login.Invalid"), await SignInErrorAsync("not-the-password-7"), StringComparison.Ordinal);

        // 3. Lift it: the user signs in.
        await admin.Locator("form.unlock-form button").ClickAsync();
        await admin.WaitForSelectorAsync("form.lock-form");
        await user.GotoAsync($"/{culture}/account/login");
        await user.FillAsync("#Input_Email", userEmail);
        await user.FillAsync("#Input_Password", Password);
        await user.Locator("main form button[type=submit]").ClickAsync();
        await user.WaitForURLAsync($"**/{culture}/my");

        // 4. An email that died after eight attempts is sent again from the outbox page and arrives.
        var deadId = await DeadEmailAsync(userEmail, culture);
        await admin.GotoAsync($"/{culture}/admin/outbox?status=Dead");
        var row = admin.Locator("tbody tr", new() { Has = admin.Locator($"input[name=id][value='{deadId}']") }).First;
        Assert.Contains("550", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(admin);
        await row.Locator("form[action*='handler=Retry'] button").ClickAsync();
        await admin.WaitForSelectorAsync("[role=status]");
        var received = await Mailbox.WaitForAsync(userEmail, EmailTemplates.OpportunityApproved);
        Assert.Equal(EmailLanguage(culture), received.Language);
        Assert.Equal(OutboxStatus.Sent, await DbAsync(db => db.OutboxMessages.Where(m => m.Id == deadId).Select(m => m.Status).SingleAsync()));

        // 5. The audit log names who suspended whom.
        await admin.GotoAsync($"/{culture}/admin/audit?action=user.lock");
        Assert.Contains(userEmail, await admin.Locator(".audit-table").InnerTextAsync(), StringComparison.Ordinal);
        await admin.Context.CloseAsync();
        await user.Context.CloseAsync();
    }

    /// <summary>An approval email that failed for good (the recipient's server kept refusing it).</summary>
    private async Task<Guid> DeadEmailAsync(string to, string culture)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var payload = composer.Compose(new EmailRequest
        {
            Template = EmailTemplates.OpportunityApproved, ToAddress = to, Culture = culture, LinkPath = "my/opportunities",
            Values = new Dictionary<string, string> { ["opportunityTitle"] = "绥芬河木材加工园" },
            IdempotencyKey = "browser-dead-" + Guid.NewGuid().ToString("N"),
        });
        var message = db.Enqueue(OutboxKinds.Email, payload, "browser-dead-" + Guid.NewGuid().ToString("N"));
        // Dead before it is ever saved, so the running dispatcher cannot pick it up first.
        message.Status = OutboxStatus.Dead;
        message.Attempts = 8;
        message.LastError = "550 5.1.1 Mailbox temporarily unavailable";
        await db.SaveChangesAsync();
        return message.Id;
    }
}
