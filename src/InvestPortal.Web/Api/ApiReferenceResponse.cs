namespace InvestPortal.Web.Api;

/// <summary>A status an operation answers with, as the API page shows it; for errors, the problem's title and detail.</summary>
public sealed record ApiReferenceResponse(string Status, string Description, string? MediaType, string? ProblemTitle, string? ProblemDetail);
