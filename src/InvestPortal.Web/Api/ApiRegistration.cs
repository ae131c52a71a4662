namespace InvestPortal.Web.Api;

public static class ApiRegistration
{
    /// <summary>The OpenAPI document of the public API (/openapi/v1.json) and the portal's page that reads it.</summary>
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddOpenApi(ApiDocumentation.DocumentName, o =>
        {
            // Only the public API: pages, feeds, attachments and /health are not part of it.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiDocumentTransformer>();
        });
        services.AddScoped<ApiReference>();
        return services;
    }
}
