namespace InvestPortal.Web.Api;

/// <summary>
/// What the OpenAPI document says about one endpoint beyond what the framework infers: its texts (resource keys
/// Api.Doc.Op.{Id}.Summary / .Description), every parameter, and every status it can answer with.
/// </summary>
public sealed record ApiDocOperation(string Id, string Method, string Path, IReadOnlyList<ApiDocParameter> Parameters,
    IReadOnlyList<int> Statuses)
{
    public string SummaryKey => $"Api.Doc.Op.{Id}.Summary";
    public string DescriptionKey => $"Api.Doc.Op.{Id}.Description";
    public string ResponseKey(int status) => status == 200 ? $"Api.Doc.Response.{Id}" : $"Api.Doc.Response.{status}";
}
