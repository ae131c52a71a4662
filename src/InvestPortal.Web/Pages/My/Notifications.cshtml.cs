using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Preferences;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.My;

/// <summary>Which optional emails the user gets, and how often saved-search alerts come.</summary>
public sealed class NotificationsModel(NotificationPreferences preferences, UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    public IReadOnlyList<TopicPreference> Topics { get; private set; } = [];
    public bool Saved { get; private set; }

    [BindProperty] public List<string> Enabled { get; set; } = [];
    [BindProperty] public AlertFrequency Frequency { get; set; } = AlertFrequency.Immediate;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Frequency)) Frequency = AlertFrequency.Immediate;
        var subscriber = users.GetUserId(User)!;
        foreach (var topic in NotificationTopics.Optional)
        {
            var frequency = topic == NotificationTopics.SavedSearches ? Frequency : AlertFrequency.Immediate;
            await preferences.SetAsync(subscriber, topic, Enabled.Contains(topic), frequency, ct);
        }
        Saved = true;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await preferences.GetAsync(users.GetUserId(User)!, ct);
        Topics = NotificationTopics.Optional.Select(t => all.FirstOrDefault(p => p.Topic == t) ?? new TopicPreference(t, true, AlertFrequency.Immediate)).ToList();
        Frequency = Topics.First(t => t.Topic == NotificationTopics.SavedSearches).Frequency;
    }
}
