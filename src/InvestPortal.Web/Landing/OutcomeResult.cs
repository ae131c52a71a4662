namespace InvestPortal.Web.Landing;

/// <summary>The result of closing a listing or correcting its outcome; with Invalid, localized messages per input field.</summary>
public sealed record OutcomeResult(OutcomeStatus Status, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly OutcomeResult Done = new(OutcomeStatus.Done, new Dictionary<string, string>());
    public static OutcomeResult Of(OutcomeStatus status) => new(status, new Dictionary<string, string>());
}
