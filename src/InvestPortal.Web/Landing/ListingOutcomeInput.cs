namespace InvestPortal.Web.Landing;

/// <summary>
/// What an official (closing) or an admin (correcting) says about how a listing ended. Country and amount are
/// optional and only kept for a landed outcome; <see cref="CloseInterests"/> are the open interests the official
/// chose to close as "agreed" with it.
/// </summary>
public sealed class ListingOutcomeInput
{
    public string? Outcome { get; set; }
    public string? Country { get; set; }
    public string? Amount { get; set; }
    public string? Currency { get; set; }
    public List<Guid> CloseInterests { get; set; } = [];
    /// <summary>An admin's correction says why (kept in the audit log).</summary>
    public string? Reason { get; set; }
}
