namespace InvestPortal.Web.Landing;

/// <summary>What the funnel reads of one interest: where its listing is, whose it is, and when it was answered.</summary>
public sealed record InterestFact(string Location, string Sector, bool IsDemo, Guid OwnerOrganizationId,
    DateTimeOffset CreatedAt, DateTimeOffset? FirstReplyAt, DateTimeOffset? DiscussionAt, bool IsOpen);
