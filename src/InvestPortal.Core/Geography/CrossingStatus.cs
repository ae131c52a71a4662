namespace InvestPortal.Core.Geography;

/// <summary>Whether a crossing works today. Suspended crossings are still shown (investors ask about reopening) and labelled.</summary>
public enum CrossingStatus
{
    Operating,
    Suspended,
}
