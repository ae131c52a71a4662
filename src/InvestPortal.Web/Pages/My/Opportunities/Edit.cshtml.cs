using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>Creates and edits an opportunity of one of the official's organizations; can send it to review.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class EditModel(OpportunityEditor editor, PortalTaxonomy taxonomy, Attachments.AttachmentService attachments) : PortalPageModel
{
    private EditorSession _session = null!;

    public IReadOnlyList<OpportunityAttachment> Attachments { get; private set; } = [];
    public Attachments.AttachmentOptions AttachmentLimits => attachments.Limits;
    /// <summary>Set by the attachments page after a refused upload: shown under the file field.</summary>
    [TempData] public string? AttachmentError { get; set; }
    [TempData] public string? AttachmentMessage { get; set; }
    [BindProperty] public OpportunityForm Form { get; set; } = new();
    public Opportunity? Existing => _session.Existing;
    public IReadOnlyList<Organization> Organizations => _session.Organizations;
    public PortalTaxonomy Taxonomy => taxonomy;
    /// <summary>A resource key explaining why the form cannot be saved as it is (conflict, not editable…).</summary>
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public bool CanSave => Problem is not ("Editor.NotEditable" or "Publishing.NoOrganization");
    /// <summary>A published listing: saving sends the changes to review while the public keeps the approved version.</summary>
    public bool IsRevision => _session.IsRevision;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Form = OpportunityEditor.FormFor(_session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? submit, string? preview, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!CanSave) return Page();
        ModelState.AddFieldErrors("Form", editor.Check(_session, Form));
        if (!ModelState.IsValid) return Page();
        var (outcome, savedId) = await editor.SaveAsync(_session, Form, submit is not null, Actor, ct);
        if ((outcome is EditOutcome.Saved or EditOutcome.Submitted) && preview is not null) return Redirect(Href($"my/opportunities/preview/{savedId}"));
        if (outcome is EditOutcome.Conflict or EditOutcome.NotEditable)
        {
            Problem = outcome == EditOutcome.Conflict ? "Publishing.Conflict" : "Editor.NotEditable";
            return Page();
        }
        Message = outcome switch
        {
            EditOutcome.Submitted => "Publishing.Submitted",
            EditOutcome.RevisionSubmitted => "Editor.RevisionSubmitted",
            EditOutcome.RevisionUnchanged => "Editor.RevisionUnchanged",
            _ => "Publishing.Saved",
        };
        return Redirect(Href("my/opportunities"));
    }

    /// <summary>Null when the page may be shown; else the answer: 403 for non-officials, 404 for ids that are not theirs.</summary>
    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        _session = await editor.OpenAsync(id, User, ct);
        if (_session.Access == EditorAccess.NotFound) return NotFound();
        if (_session.Access == EditorAccess.Forbidden) return Forbid();
        Problem = _session.Problem;
        if (_session.Existing is { } existing) Attachments = await attachments.ListAsync(existing.Id, includePending: true, ct);
        return null;
    }
}
