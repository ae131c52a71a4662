using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Interests;

/// <summary>The whole life of an expression of interest, each email over real SMTP in its recipient's language.</summary>
public abstract class InterestLifecycleTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : SmtpPortalFactory
{
    [Fact]
    public async Task Submit_acknowledge_discuss_close_each_step_emails_the_other_side_in_their_language()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync("zh");
        var enterprise = await factory.UserAsync("ru", Roles.Enterprise);
        var orgId = await factory.OrganizationAsync(false, OrganizationKind.Enterprise, enterprise.User);
        var contact = $"ivan-{Guid.NewGuid():N}@amurles.example";

        // The public page invites a signed-in enterprise; it registers interest (the page is English, the emails are not).
        var details = await enterprise.Client.GetDocumentAsync($"/en/opportunities/{listing.Slug}");
        Assert.Equal($"/en/opportunities/{listing.Slug}/interest", details.QuerySelector("a.register-interest")!.GetAttribute("href"));
        var submitted = await enterprise.Client.SubmitInterestAsync("en", listing.Slug, InterestTestKit.Form(contact, "Хотим поставлять оборудование.\nПриедем в марте."));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = await factory.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.OpportunityId == listing.Id).Select(e => e.Id).SingleAsync());
        var saved = await factory.InterestAsync(id);
        Assert.Equal((orgId, InterestRole.Supplier, 20_000_000m, "RUB", InterestStatus.Submitted), (saved.OrganizationId, saved.Role, saved.Amount, saved.Currency, saved.Status));
        var counters = await factory.WithDbAsync(async db => (
            (await db.Opportunities.FirstAsync(o => o.Id == listing.Id)).InterestCount,
            (await db.OpportunityDailyStats.SingleAsync(s => s.OpportunityId == listing.Id)).Interests));
        Assert.Equal((1, 1), counters);

        // 1. The owner's official gets it in Chinese, with the unverified mark, without the contact details.
        var received = await factory.ReceivedAsync(owner.User.Email!, "收到新的合作意向");
        Assert.Contains("黑河木材加工园区", received.Subject, StringComparison.Ordinal);
        Assert.Contains("未经核实的单位", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("阿穆尔林业", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("Приедем в марте.", received.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(contact, received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/zh/my/opportunities/{listing.Id}/interests/{id}", received.TextBody, StringComparison.Ordinal);

        // 2. The owner's list marks the organization unverified; the contact stays hidden until acknowledged.
        var list = await owner.Client.GetDocumentAsync($"/ru/my/opportunities/{listing.Id}/interests");
        var row = list.QuerySelector($"tr[data-id='{id}']")!;
        Assert.Contains("не проверена", row.QuerySelector(".unverified")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("подано", row.QuerySelector(".interest-status")!.TextContent, StringComparison.Ordinal);
        var detailUrl = $"/ru/my/opportunities/{listing.Id}/interests/{id}";
        var before = await owner.Client.GetDocumentAsync(detailUrl);
        Assert.NotNull(before.QuerySelector(".contact-hidden"));
        Assert.DoesNotContain(contact, before.DocumentElement.OuterHtml, StringComparison.Ordinal);
        // The phone's last groups: a GUID on the page (its groups are 8-4-4-4-12 hex digits) can hold "4162", never this.
        Assert.DoesNotContain("22-33-44", before.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // 3. Acknowledge: the enterprise user is told in Russian; the contact appears to the owner.
        var stalePage = before;
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.StepAsync("ru", listing.Id, id, "form.step-acknowledged",
            new() { ["reply"] = "Спасибо, свяжемся на этой неделе." })).StatusCode);
        var acknowledged = await factory.ReceivedAsync(enterprise.User.Email!, "подтверждено");
        Assert.Contains("Лесопромышленный парк в Хэйхэ", acknowledged.Subject, StringComparison.Ordinal);
        Assert.Contains("Здравствуйте", acknowledged.TextBody, StringComparison.Ordinal);
        var after = await owner.Client.GetDocumentAsync(detailUrl);
        Assert.Contains(contact, after.QuerySelector(".contact-details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("+7 4162 22-33-44", after.QuerySelector(".contact-details")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await factory.InterestAsync(id)).AcknowledgedAt);

        // 4. The same acknowledge posted again from the stale page: a message, no change, no second email.
        var again = await owner.Client.SubmitFormAsync(detailUrl, stalePage, "form.step-acknowledged", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var staleView = await owner.Client.GetDocumentAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("уже изменил кто-то другой", staleView.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await factory.QueuedAsync(enterprise.User.Email!, EmailTemplates.InterestAcknowledged));

        // 5. In discussion, then closed as agreed with a reply: each step emailed in Russian.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.StepAsync("zh", listing.Id, id, "form.step-indiscussion")).StatusCode);
        var discussing = await factory.ReceivedAsync(enterprise.User.Email!, "изменён");
        Assert.Contains("идут переговоры", discussing.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Client.StepAsync("zh", listing.Id, id, "form.step-closed",
            new() { ["outcome"] = InterestOutcomes.Agreed, ["reply"] = "Договорились, ждём договор." })).StatusCode);
        await factory.Services.GetRequiredService<InvestPortal.Notifications.Outbox.OutboxDispatcher>().DispatchDueAsync();
        var statusMails = (await factory.QueuedAsync(enterprise.User.Email!, EmailTemplates.InterestStatusChanged)).Select(p => p.Text).ToList();
        Assert.Equal(2, statusMails.Count);
        Assert.Contains(statusMails, t => t.Contains("закрыто", StringComparison.Ordinal));
        var closed = await factory.InterestAsync(id);
        Assert.Equal((InterestStatus.Closed, InterestOutcomes.Agreed, "Договорились, ждём договор."), (closed.Status, closed.Outcome, closed.OwnerReply));

        // 6. The enterprise sees the status and the reply; the owner sees the same status.
        var mine = await enterprise.Client.GetDocumentAsync("/ru/my/interests");
        var item = mine.QuerySelector($"li[data-id='{id}']")!;
        Assert.Contains("закрыто", item.QuerySelector(".interest-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("договорённость достигнута", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("ждём договор", item.QuerySelector(".owner-reply")!.TextContent, StringComparison.Ordinal);
        Assert.Null(item.QuerySelector("form.withdraw-form"));

        // 7. Every step is audited, by the right person, without contact details.
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "interest" && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["interest.submit", "interest.acknowledged", "interest.indiscussion", "interest.closed"], audit.Select(a => a.Action));
        Assert.Equal(enterprise.User.Id, audit[0].UserId);
        Assert.All(audit.Skip(1), a => Assert.Equal(owner.User.Id, a.UserId));
        Assert.All(audit, a => Assert.DoesNotContain(contact, $"{a.Details}{a.Reason}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdrawing_closes_the_interest_and_tells_the_owner_in_their_language()
    {
        var (owner, listing) = await factory.OwnerWithListingAsync("ru");
        var investor = await factory.UserAsync("en", Roles.Investor);
        await factory.OrganizationAsync(true, OrganizationKind.Investor, investor.User);
        Assert.Equal(HttpStatusCode.Redirect, (await investor.Client.SubmitInterestAsync("zh", listing.Slug, InterestTestKit.Form("inv@example.org"))).StatusCode);
        var mine = await investor.Client.GetDocumentAsync("/en/my/interests");
        var id = Guid.Parse(mine.QuerySelector("li[data-id]")!.GetAttribute("data-id")!);
        Assert.Equal(HttpStatusCode.Redirect, (await investor.Client.SubmitFormAsync("/en/my/interests", mine, $"li[data-id='{id}'] form.withdraw-form", new Dictionary<string, string>())).StatusCode);
        var closed = await factory.InterestAsync(id);
        Assert.Equal((InterestStatus.Closed, InterestOutcomes.Withdrawn), (closed.Status, closed.Outcome));
        var mail = await factory.ReceivedAsync(owner.User.Email!, "отозвано");
        Assert.Contains("ООО «Амур Лес»", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("не проверена", mail.TextBody, StringComparison.Ordinal);
    }
}

public sealed class InterestLifecycleOnSqlite(SmtpSqlitePortalFactory factory) : InterestLifecycleTests<SmtpSqlitePortalFactory>(factory);
public sealed class InterestLifecycleOnPostgres(SmtpPostgresPortalFactory factory) : InterestLifecycleTests<SmtpPostgresPortalFactory>(factory);
