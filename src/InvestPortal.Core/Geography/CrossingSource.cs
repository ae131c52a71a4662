namespace InvestPortal.Core.Geography;

/// <summary>Where a fact about a crossing comes from: the facts it supports (a mode, "position", "counterpart", "status"), an address and what it says.</summary>
public sealed record CrossingSource(IReadOnlyList<string> Facts, string Url, string Note);
