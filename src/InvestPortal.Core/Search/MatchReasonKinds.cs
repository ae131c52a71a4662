namespace InvestPortal.Core.Search;

public static class MatchReasonKinds
{
    public const string Sector = "sector";
    public const string Location = "location";
    public const string PartnerRegion = "partner-region";
    public const string TicketFits = "ticket-fits";
    public const string Mode = "mode";
    public const string Concept = "concept";
}
