namespace InvestPortal.Core.Domain;

/// <summary>Which status may follow which: the owner moves an interest forward one step, or closes it.</summary>
public static class InterestLifecycle
{
    public static bool IsOpen(InterestStatus status) => status != InterestStatus.Closed;

    public static InterestStatus? Next(InterestStatus status) => status switch
    {
        InterestStatus.Submitted => InterestStatus.Acknowledged,
        InterestStatus.Acknowledged => InterestStatus.InDiscussion,
        _ => null,
    };

    /// <summary>The owner may share nothing of the contact until they have acknowledged the interest.</summary>
    public static bool ContactVisible(ExpressionOfInterest e) => e.AcknowledgedAt is not null && !e.IsAnonymized;
}
