namespace InvestPortal.Web.Demand;

/// <summary>Words of zero-result searches in one cell, with the interface language they were typed in.</summary>
public sealed record DemandQuery(string Query, string Culture, int Count);
