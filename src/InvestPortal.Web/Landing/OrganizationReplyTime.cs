namespace InvestPortal.Web.Landing;

/// <summary>The admins' view of one owner organization: how fast it answers interests, and how many wait.</summary>
public sealed record OrganizationReplyTime(Guid OrganizationId, string Name, int Interests, int Answered,
    int OpenUnanswered, double? MedianReplyDays, bool IsDemo);
