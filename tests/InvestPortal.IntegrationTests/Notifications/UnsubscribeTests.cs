using System.Web;
using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Preferences;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

public sealed class UnsubscribeTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    private static string TokenOf(MimeKit.MimeMessage mail)
    {
        var url = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        return HttpUtility.ParseQueryString(url.Query)["token"]!;
    }

    [Fact]
    public async Task TheOneClickLinkFromAnEmailStopsThatTopicAndOnlyThatTopic()
    {
        var user = $"user-{Guid.NewGuid():N}";
        var key = $"unsub:{user}";
        await smtp.Host.QueueAsync(NotificationHost.Request(key, EmailTemplates.InterestReceived, "zh", userId: user) with
        {
            Values = new Dictionary<string, string> { ["opportunityTitle"] = "黑河木材加工园", ["organizationName"] = "Amur Forest", ["message"] = "…" },
        });
        var mail = await smtp.DeliverAsync(MessageIds.For(key, "noreply@invest.example.org"));

        var claim = await smtp.Host.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().UnsubscribeAsync(TokenOf(mail)));
        Assert.Equal(new UnsubscribeClaim(user, NotificationTopics.Interests), claim);
        var prefs = await smtp.Host.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().GetAsync(user));
        Assert.False(prefs.Single(p => p.Topic == NotificationTopics.Interests).Enabled);
        Assert.True(prefs.Single(p => p.Topic == NotificationTopics.OpportunityStatus).Enabled);

        // Further emails of that topic are not even queued; other topics and essential emails still are.
        var suppressed = await smtp.Host.QueueAsync(NotificationHost.Request($"{key}:again", EmailTemplates.InterestStatusChanged, userId: user) with
        {
            Values = new Dictionary<string, string> { ["opportunityTitle"] = "x", ["status"] = "Closed" },
        });
        Assert.Empty(suppressed);
        Assert.Single(await smtp.Host.QueueAsync(NotificationHost.Request($"{key}:other", userId: user)));
        Assert.Single(await smtp.Host.QueueAsync(NotificationHost.Request($"{key}:essential", EmailTemplates.AccountPasswordReset, userId: user, essential: true)));

        // Clicking twice (mail scanners do) is harmless.
        Assert.NotNull(await smtp.Host.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().UnsubscribeAsync(TokenOf(mail))));
    }

    [Fact]
    public async Task SomeoneWithoutAnAccountCanUnsubscribeByAddress()
    {
        var address = $"investor-{Guid.NewGuid():N}@example.org";
        var key = $"unsub-anon:{address}";
        await smtp.Host.QueueAsync(NotificationHost.Request(key, EmailTemplates.InvestorInvitation, "ru", to: address, userId: null) with
        {
            Values = new Dictionary<string, string> { ["opportunityTitle"] = "T", ["organizationName"] = "O", ["inviterName"] = "I", ["message"] = "M" },
        });
        var mail = await smtp.DeliverAsync(MessageIds.For(key, "noreply@invest.example.org"));
        Assert.DoesNotContain("my/notifications", mail.TextBody); // no account, no preferences page

        var claim = await smtp.Host.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().UnsubscribeAsync(TokenOf(mail)));
        Assert.Equal(new UnsubscribeClaim($"email:{address}", NotificationTopics.Invitations), claim);
        Assert.Empty(await smtp.Host.QueueAsync(NotificationHost.Request($"{key}:2", EmailTemplates.InvestorInvitation, to: address.ToUpperInvariant(), userId: null) with
        {
            Values = new Dictionary<string, string> { ["opportunityTitle"] = "T", ["organizationName"] = "O", ["inviterName"] = "I", ["message"] = "M" },
        }));
    }

    [Fact]
    public async Task ATamperedForeignOrEmptyTokenIsRejectedAndChangesNothing()
    {
        var tokens = smtp.Host.Services.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.Create("victim", NotificationTopics.Interests);
        Assert.Equal(new UnsubscribeClaim("victim", NotificationTopics.Interests), tokens.Read(token));

        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        var otherPurpose = smtp.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("another purpose")
            .Protect("{\"S\":\"victim\",\"T\":\"interests\"}");
        foreach (var bad in new[] { tampered, otherPurpose, "", "not-a-token", token + "x" })
        {
            Assert.Null(tokens.Read(bad));
            Assert.Null(await smtp.Host.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().UnsubscribeAsync(bad)));
        }
        var prefs = await smtp.Host.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().GetAsync("victim"));
        Assert.All(prefs, p => Assert.True(p.Enabled));
    }

    [Fact]
    public async Task PreferencesCanBeSetPerTopicWithAFrequency()
    {
        var user = $"user-{Guid.NewGuid():N}";
        await smtp.Host.WithScopeAsync(async sp =>
        {
            var prefs = sp.GetRequiredService<NotificationPreferences>();
            await prefs.SetAsync(user, NotificationTopics.SavedSearches, true, AlertFrequency.Weekly);
            await prefs.SetAsync(user, NotificationTopics.SavedSearches, true, AlertFrequency.Daily);
            return 0;
        });
        var saved = await smtp.Host.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().GetAsync(user));
        Assert.Equal(new TopicPreference(NotificationTopics.SavedSearches, true, AlertFrequency.Daily), saved.Single(p => p.Topic == NotificationTopics.SavedSearches));
        await Assert.ThrowsAsync<ArgumentException>(() => smtp.Host.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<NotificationPreferences>().SetAsync(user, NotificationTopics.Account, false);
            return 0;
        }));
    }
}
