namespace InvestPortal.Web.Api;

/// <summary>One operation of the OpenAPI document, as the API page shows it in the page's language.</summary>
public sealed record ApiReferenceOperation(string Id, string Method, string Path, string Summary, string Description,
    IReadOnlyList<ApiReferenceParameter> Parameters, IReadOnlyList<ApiReferenceResponse> Responses);
