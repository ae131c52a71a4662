using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;

namespace InvestPortal.Web.Publishing;

/// <summary>
/// What the listing editor works on: the listing (null for a new one), the organizations it may belong to, and a
/// resource key saying why it cannot be saved as it is ("Editor.NotEditable", "Publishing.NoOrganization").
/// </summary>
public sealed record EditorSession(EditorAccess Access, Opportunity? Existing, IReadOnlyList<Organization> Organizations, string? Problem)
{
    /// <summary>A published listing: saving sends the changes to review while the public keeps the approved version.</summary>
    public bool IsRevision => Existing is { } e && OpportunityLifecycle.CanRevise(e.Status);
}
