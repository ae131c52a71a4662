namespace InvestPortal.Web.Landing;

/// <summary>One month of the trend ("2026-11"); <see cref="Row"/> is null when the month had too few interests to show.</summary>
public sealed record FunnelMonth(string Month, FunnelRow? Row);
