namespace InvestPortal.Web.Api;

/// <summary>A parameter as the API page shows it, in the page's language.</summary>
public sealed record ApiReferenceParameter(string Name, string In, string Type, bool Required, string Description, string? Example, IReadOnlyList<string> Values);
