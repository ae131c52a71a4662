using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Web.Attachments;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>
/// Upload and delete of an opportunity's files, for officials of the owner organization and admins.
/// Both answer with a redirect to the editor; a refused file's reason is shown there next to the field.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class AttachmentsModel(OwnedOpportunities owned, AttachmentService store, IStringLocalizer<SharedResource> l) : PortalPageModel
{
    /// <summary>The localized reason the last upload was refused, shown by the editor under the file field.</summary>
    [TempData] public string? AttachmentError { get; set; }
    [TempData] public string? AttachmentMessage { get; set; }

    public IActionResult OnGet(Guid id) => Redirect(EditorUrl(id));

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, CancellationToken ct)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null) return NotFound();
        if (!CanChange(opportunity.Status)) return Error(id, l["Attachments.Error.NotEditable"]);
        if (upload is null) return Error(id, l["Attachments.Error.NoFile"]);
        var rejection = await store.AddAsync(opportunity, upload, Actor, ct);
        if (rejection is { } why)
        {
            var limits = store.Limits;
            return Error(id, l[$"Attachments.Error.{why}", Math.Round(limits.MaxBytes / 1048576.0, 1), limits.MaxFiles]);
        }
        AttachmentMessage = "Attachments.Added";
        return Redirect(EditorUrl(id));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null) return NotFound();
        if (!CanChange(opportunity.Status)) return Error(id, l["Attachments.Error.NotEditable"]);
        if (!await store.DeleteAsync(opportunity, attachmentId, Actor, ct)) return NotFound();
        AttachmentMessage = "Attachments.Deleted";
        return Redirect(EditorUrl(id));
    }

    /// <summary>Files can change while the owner may change the texts: not while in review or once closed.</summary>
    public static bool CanChange(Core.Domain.OpportunityStatus status) =>
        OpportunityLifecycle.IsEditable(status) || OpportunityLifecycle.CanRevise(status);

    private IActionResult Error(Guid id, string message)
    {
        AttachmentError = message;
        return Redirect(EditorUrl(id));
    }

    private string EditorUrl(Guid id) => Href($"my/opportunities/edit/{id}") + "#attachments";

}
