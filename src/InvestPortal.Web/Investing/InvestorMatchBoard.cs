using InvestPortal.Core.Domain;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Investing;

/// <summary>
/// An investor's profile with their shortlist and dismissals, read before matching so that the page can still say
/// who they are and what they dismissed when the search engine cannot answer.
/// </summary>
public sealed record InvestorMatchBoard(InvestorProfile Profile, IReadOnlySet<Guid> DismissedIds, IReadOnlySet<Guid> Shortlisted,
    IReadOnlyList<OpportunityView> Dismissed);
