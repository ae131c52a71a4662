using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// The files of an opportunity on its public page and in the owner's preview. The caller decides
/// the listing may be seen; each link is checked again when the file is requested.
/// </summary>
public sealed class OpportunityAttachmentsViewComponent(AttachmentService store) : ViewComponent
{
    /// <param name="includePending">The owner's preview shows files still waiting for review (marked); the public page never does.</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid opportunityId, bool includePending = false) =>
        View(await store.ListAsync(opportunityId, includePending, HttpContext.RequestAborted));
}
