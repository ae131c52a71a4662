namespace InvestPortal.Web.Administration;

/// <summary>What became of an admin's correction of a border crossing.</summary>
public enum CrossingCorrectionOutcome
{
    Saved,
    /// <summary>Saved, and the crossing moved: the search index is being rebuilt so distances follow.</summary>
    SavedAndMoved,
    /// <summary>The form said what the portal already shows; nothing written, nothing audited.</summary>
    Unchanged,
    /// <summary>The correction was removed: the crossing is as the content file says again.</summary>
    Reverted,
    Invalid,
    NotFound,
}
