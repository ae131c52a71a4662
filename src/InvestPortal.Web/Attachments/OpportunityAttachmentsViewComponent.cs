using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// The files of an opportunity on its public page and in the owner's preview. The caller decides
/// the listing may be seen; each link is checked again when the file is requested.
/// </summary>
public sealed class OpportunityAttachmentsViewComponent(AttachmentStore store) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid opportunityId) =>
        View(await store.ListAsync(opportunityId, HttpContext.RequestAborted));
}
