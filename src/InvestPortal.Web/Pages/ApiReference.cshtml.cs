using InvestPortal.Web.Api;

namespace InvestPortal.Web.Pages;

/// <summary>/{c}/api: the public API for people, rendered from the OpenAPI document the portal serves, in the page's language.</summary>
public sealed class ApiReferenceModel(ApiReference reference) : PortalPageModel
{
    public string Title { get; private set; } = "";
    public string Intro { get; private set; } = "";
    public IReadOnlyList<ApiReferenceOperation> Operations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Title, Intro, Operations) = await reference.ReadAsync(Culture, ct);
}
