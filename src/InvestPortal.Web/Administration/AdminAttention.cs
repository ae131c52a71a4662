namespace InvestPortal.Web.Administration;

/// <summary>What waits for an admin: listings in the review queue, self-registered organizations not yet verified.</summary>
public sealed record AdminAttention(int Waiting, int Unverified);
