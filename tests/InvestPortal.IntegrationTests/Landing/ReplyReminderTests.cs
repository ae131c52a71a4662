using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Insight;
using InvestPortal.IntegrationTests.Interests;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Landing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Landing;

public abstract class ReplyReminderTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory, new()
{
    /// <summary>One pass as the background service runs it, but on the test's clock.</summary>
    private Task<ReplyReminders.Result> RunAsync(MovableClock clock) => factory.WithScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<ReplyReminders>(sp, clock).RunOnceAsync());

    private async Task<Guid> InterestAsync(Opportunity listing, DateTimeOffset created, DateTimeOffset? replied = null)
    {
        var org = await factory.OrganizationAsync(false, OrganizationKind.Investor);
        return await factory.WithDbAsync(async db =>
        {
            var e = new ExpressionOfInterest
            {
                OpportunityId = listing.Id, OrganizationId = org, Role = InterestRole.Investor, Message = "?", ContactPerson = "Иван",
                CreatedAt = created, UpdatedAt = created, FirstReplyAt = replied, AcknowledgedAt = replied,
                Status = replied is null ? InterestStatus.Submitted : InterestStatus.Acknowledged,
            };
            db.ExpressionsOfInterest.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
    }

    [Fact]
    public async Task An_unanswered_interest_reminds_the_owners_officials_once_and_then_the_admins_once()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync("zh");
        var admin = await factory.UserAsync("ru", Roles.Admin);
        var start = DateTimeOffset.UtcNow;
        var unanswered = await InterestAsync(listing, start);
        var answered = await InterestAsync(listing, start, replied: start.AddDays(1));
        var clock = new MovableClock(start.AddDays(4.9));

        await RunAsync(clock);
        Assert.Empty(await factory.EmailsToAsync(owner.User.Email!, EmailTemplates.InterestReplyReminder));

        clock.Now = start.AddDays(5.1);
        await RunAsync(clock);
        await RunAsync(clock);
        var reminder = Assert.Single(await factory.EmailsToAsync(owner.User.Email!, EmailTemplates.InterestReplyReminder));
        Assert.Equal("zh", reminder.Culture);
        Assert.Contains($"/zh/my/opportunities/{listing.Id}/interests/{unanswered}", reminder.Text, StringComparison.Ordinal);
        Assert.Empty(await factory.EmailsToAsync(admin.User.Email!, EmailTemplates.InterestReplyOverdue));
        Assert.NotNull((await factory.InterestAsync(unanswered)).OwnerReminderSentAt);
        Assert.Null((await factory.InterestAsync(answered)).OwnerReminderSentAt);

        // M = 5 more days after the reminder, then the admins hear of it, once, in their language.
        clock.Now = start.AddDays(10.0);
        await RunAsync(clock);
        Assert.Empty(await factory.EmailsToAsync(admin.User.Email!, EmailTemplates.InterestReplyOverdue));
        clock.Now = start.AddDays(10.2);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => RunAsync(clock))));
        await RunAsync(clock);
        Assert.Equal("ru", Assert.Single(await factory.EmailsToAsync(admin.User.Email!, EmailTemplates.InterestReplyOverdue)).Culture);
        Assert.Single(await factory.EmailsToAsync(owner.User.Email!, EmailTemplates.InterestReplyReminder));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == unanswered.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(["interest.reply-overdue", "interest.reply-reminder"], audit.Order());
    }

    [Fact]
    public async Task An_interest_answered_after_the_reminder_does_not_reach_the_admins_and_demo_interests_remind_nobody()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync("en");
        var start = DateTimeOffset.UtcNow;
        var id = await InterestAsync(listing, start);
        var clock = new MovableClock(start.AddDays(6));
        await RunAsync(clock);
        Assert.Single(await factory.EmailsToAsync(owner.User.Email!, EmailTemplates.InterestReplyReminder));

        // The owner acknowledges through the site.
        var response = await owner.Client.StepAsync("en", listing.Id, id, "form.step-acknowledged");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await factory.InterestAsync(id)).FirstReplyAt);

        clock.Now = start.AddDays(60);
        await RunAsync(clock);
        Assert.Null((await factory.InterestAsync(id)).AdminAlertSentAt);
        var demoReminded = await factory.WithDbAsync(db => db.ExpressionsOfInterest.AsNoTracking()
            .CountAsync(e => e.Opportunity!.IsDemo && (e.OwnerReminderSentAt != null || e.AdminAlertSentAt != null)));
        Assert.Equal(0, demoReminded);
    }
}

public sealed class ReplyReminderOnSqlite(SqlitePortalFactory factory) : ReplyReminderTests<SqlitePortalFactory>(factory);
public sealed class ReplyReminderOnPostgres(PostgresPortalFactory factory) : ReplyReminderTests<PostgresPortalFactory>(factory);
