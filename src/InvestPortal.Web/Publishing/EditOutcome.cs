namespace InvestPortal.Web.Publishing;

/// <summary>What saving the listing editor did: saved (as a draft), submitted to review, a revision submitted or unchanged, or refused.</summary>
public enum EditOutcome { Saved, Submitted, RevisionSubmitted, RevisionUnchanged, Conflict, NotEditable }
