using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Search;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>Asks before deleting a concept (a GET never deletes), then deletes it and re-indexes through the outbox.</summary>
public sealed class GlossaryDeleteModel(GlossaryAdmin admin, OutboxDispatcher dispatcher) : PortalPageModel
{
    [FromRoute] public string Id { get; set; } = "";
    public GlossaryEntry? Entry { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entry = await admin.FindAsync(Id, ct);
        return Entry is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var deleted = await admin.DeleteAsync(Id, Actor, ct);
        if (deleted) dispatcher.Wake();
        Message = deleted ? "Glossary.Deleted" : "Glossary.AlreadyGone";
        MessageId = Id;
        return Redirect(Href("admin/glossary"));
    }
}
