namespace InvestPortal.Core.Geography;

/// <summary>A crossing and its straight-line distance from a point.</summary>
public sealed record NearbyCrossing(BorderCrossing Crossing, double DistanceKm);
