namespace InvestPortal.Web.Landing;

/// <summary>
/// One group of the funnel (a city, a sector, a month or everything): listings published → interests registered →
/// in discussion → landed. <see cref="IsDemo"/> says the group counts demo listings, which the page and the
/// downloads mark.
/// </summary>
public sealed record FunnelRow(string Key, int Listings, int Interests, int InDiscussion, int Landed,
    double? MedianReplyDays, int Answered, bool IsDemo)
{
    /// <summary>Interests that reached discussion, as a share of the interests registered.</summary>
    public double? DiscussionRate => Interests == 0 ? null : (double)InDiscussion / Interests;
    /// <summary>Listings that landed, as a share of the listings published.</summary>
    public double? LandedRate => Listings == 0 ? null : (double)Landed / Listings;
}
