using InvestPortal.Core.Geography;

namespace InvestPortal.Web.Discovery;

/// <summary>Where a listing stands (its own point or its location's) and its nearest border crossings.</summary>
public sealed record ListingCrossings(GeoPoint? Position, bool OwnPoint, IReadOnlyList<NearbyCrossing> Nearest);
