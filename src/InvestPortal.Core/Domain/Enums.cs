namespace InvestPortal.Core.Domain;

public enum OrganizationKind { GovernmentAgency, DevelopmentZone, Enterprise, Investor }

/// <summary>Draft → PendingReview → Published → Closed; PendingReview → Rejected → Draft.</summary>
public enum OpportunityStatus { Draft, PendingReview, Published, Rejected, Closed }

public enum InvestorKind { Corporate, Fund, StateOwned, Bank, Individual }

public enum ProfileVisibility { Public, OfficialsOnly, Hidden }

public enum InterestRole { Investor, Partner, Supplier, Operator }

public enum InterestStatus { Submitted, Acknowledged, InDiscussion, Closed }

public enum AlertFrequency { Immediate, Daily, Weekly }

public enum OutboxStatus { Pending, Sent, Dead, Discarded }

public static class Roles
{
    public const string Investor = nameof(Investor);
    public const string Official = nameof(Official);
    public const string Enterprise = nameof(Enterprise);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Investor, Official, Enterprise, Admin];

    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
