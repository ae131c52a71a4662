namespace InvestPortal.Core.Geography;

/// <summary>Which coordinate of a typed point is wrong.</summary>
public enum PositionField
{
    Latitude,
    Longitude,
}
