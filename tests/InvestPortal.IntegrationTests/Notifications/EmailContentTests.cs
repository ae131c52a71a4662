using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>Every event's email as an SMTP server receives it from MailKit: language, both parts, links, footer, headers.</summary>
public sealed class EmailContentTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    public static TheoryData<string, string> EveryTemplateInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in EmailTemplateCases.All.Keys)
            foreach (var culture in Cultures.All)
                data.Add(template, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTemplateInEveryLanguage))]
    public async Task EachEventEmailArrivesInTheRecipientsLanguageWithHtmlAndTextParts(string template, string culture)
    {
        var c = EmailTemplateCases.All[template];
        var key = $"content:{template}:{culture}:{Guid.NewGuid():N}";
        var request = new EmailRequest
        {
            Template = template, ToAddress = "recipient@example.org", ToName = "Ivan Petrov", Culture = culture,
            UserId = "user-42", IsEssential = c.Essential, IdempotencyKey = key, LinkPath = c.LinkPath, Values = c.Values,
            Items = c.Items,
        };
        await smtp.Host.QueueAsync(request);
        var mail = await smtp.DeliverAsync(MessageIds.For(key, "noreply@invest.example.org"));

        Assert.Equal(c.Subjects[culture], mail.Subject);
        Assert.Equal("recipient@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("noreply@invest.example.org", mail.From.Mailboxes.Single().Address);
        Assert.Equal(Cultures.HtmlLang(culture), mail.Body!.Headers["Content-Language"]);
        var text = mail.TextBody;
        var html = mail.HtmlBody;
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.False(string.IsNullOrWhiteSpace(html));
        Assert.Contains($"lang=\"{Cultures.HtmlLang(culture)}\"", html);

        // The language of the whole email, not only the subject: greeting, signature and footer.
        var phrases = EmailTemplateCases.LanguagePhrases[culture];
        foreach (var phrase in phrases)
        {
            Assert.Contains(phrase, text);
            Assert.Contains(phrase, html);
        }
        foreach (var other in Cultures.All.Where(o => o != culture))
            Assert.DoesNotContain(EmailTemplateCases.LanguagePhrases[other][0], text);

        // Link back to the right page in the recipient's language, in both parts.
        var link = $"{NotificationHost.BaseUrl}/{culture}/{c.LinkPath}";
        Assert.Contains(link, text);
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(link)}\"", html);
        foreach (var value in c.Values.Where(v => v.Key is not ("status" or "frequency")).Select(v => v.Value))
        {
            Assert.Contains(value, text);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(value).Replace("\n", "<br>\n", StringComparison.Ordinal), html);
        }
        foreach (var item in c.Items)
        {
            Assert.Contains(item.Title, text);
            Assert.Contains($"{NotificationHost.BaseUrl}/{culture}/{item.LinkPath}", html);
        }
        foreach (var label in c.Labels[culture]) Assert.Contains(label, text);

        // Footer: unsubscribe for everything but account emails, which say why they cannot be stopped.
        var unsubscribe = mail.Headers["List-Unsubscribe"];
        if (c.Essential)
        {
            Assert.Null(unsubscribe);
            Assert.Null(mail.Headers["List-Unsubscribe-Post"]);
            Assert.Contains(EmailTemplateCases.EssentialNote[culture], text);
        }
        else
        {
            Assert.StartsWith($"<{NotificationHost.BaseUrl}/{culture}/unsubscribe?token=", unsubscribe);
            Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
            Assert.Contains(unsubscribe!.Trim('<', '>'), text);
            Assert.DoesNotContain(EmailTemplateCases.EssentialNote[culture], text);
        }
    }

    [Fact]
    public async Task ValuesAreHtmlEncodedInTheHtmlPartAndVerbatimInTheTextPart()
    {
        var key = $"encode:{Guid.NewGuid():N}";
        const string title = "<script>alert(\"x\")</script> R&D park";
        await smtp.Host.QueueAsync(NotificationHost.Request(key) with
        {
            Values = new Dictionary<string, string> { ["opportunityTitle"] = title },
        });
        var mail = await smtp.DeliverAsync(MessageIds.For(key, "noreply@invest.example.org"));

        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; R&amp;D park", mail.HtmlBody);
        Assert.Contains(title, mail.TextBody);
        Assert.Contains(title, mail.Subject);
    }

    [Fact]
    public async Task TextOnlyInAnotherLanguageIsSentAsTheOriginalWithANote()
    {
        var key = $"original:{Guid.NewGuid():N}";
        await smtp.Host.QueueAsync(NotificationHost.Request(key, culture: "ru") with
        {
            Values = new Dictionary<string, string> { ["opportunityTitle"] = "黑河木材加工园" }, TextCulture = "zh",
        });
        var mail = await smtp.DeliverAsync(MessageIds.For(key, "noreply@invest.example.org"));

        Assert.Contains("ниже приведён оригинал (на китайском языке)", mail.TextBody);
        Assert.Contains("黑河木材加工园", mail.TextBody);
    }

    [Fact]
    public async Task QueuingTheSameKeyTwiceYieldsOneMessageAndOneEmail()
    {
        var key = $"twice:{Guid.NewGuid():N}";
        await smtp.Host.QueueAsync(NotificationHost.Request(key), NotificationHost.Request(key));
        await smtp.Host.QueueAsync(NotificationHost.Request(key));

        Assert.Equal(1, await smtp.Host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == key)));
        await smtp.DeliverAsync(MessageIds.For(key, "noreply@invest.example.org"));
    }

    [Fact]
    public async Task TheOutboxMessageCommitsOnlyWithTheCallersTransaction()
    {
        var key = $"rollback:{Guid.NewGuid():N}";
        await using (var scope = smtp.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await scope.ServiceProvider.GetRequiredService<Notifier>().QueueAsync(db, NotificationHost.Request(key));
            // No SaveChanges: the change that caused the email did not happen, so neither does the email.
        }
        Assert.False(await smtp.Host.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key)));
    }

    [Fact]
    public async Task AMissingTemplateValueFailsAtQueueTime()
    {
        var request = NotificationHost.Request($"missing:{Guid.NewGuid():N}", EmailTemplates.OpportunityRejected);
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => smtp.Host.QueueAsync(request));
        Assert.Contains("rejectionReason", error.Message);
    }
}
