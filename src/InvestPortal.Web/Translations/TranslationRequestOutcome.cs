namespace InvestPortal.Web.Translations;

public enum TranslationRequestOutcome
{
    /// <summary>Recorded; the owners hear of it in their next digest.</summary>
    Requested,
    /// <summary>This person already asked for this listing: nothing new recorded.</summary>
    AlreadyRequested,
    /// <summary>The listing already has a text in that language.</summary>
    NotNeeded,
    NotFound,
}
