namespace InvestPortal.Web.Insight;

/// <summary>What became of an owner's "still current" confirmation.</summary>
public enum ConfirmOutcome
{
    /// <summary>The expiry period starts again from now.</summary>
    Confirmed,
    /// <summary>Only a published listing can be confirmed; nothing changed.</summary>
    NotPublished,
}
