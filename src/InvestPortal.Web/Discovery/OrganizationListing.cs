using InvestPortal.Core.Domain;

namespace InvestPortal.Web.Discovery;

/// <summary>One page of an organization's public listings; <see cref="Page"/> is the page actually shown (clamped).</summary>
public sealed record OrganizationListing(Organization Organization, IReadOnlyList<OpportunityView> Opportunities, int Total, int Page);
