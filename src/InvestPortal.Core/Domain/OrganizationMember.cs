namespace InvestPortal.Core.Domain;

/// <summary>An official (or enterprise user) belongs to one or more organizations.</summary>
public class OrganizationMember
{
    public string UserId { get; set; } = "";
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}
