using InvestPortal.Web.Content;

namespace InvestPortal.Web.Attachments;

public static class AttachmentRegistration
{
    /// <summary>The editor's content services: Markdown rendering and attachment storage.</summary>
    public static IServiceCollection AddEditorContent(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.MaxBytes > 0 && o.MaxFiles > 0, "Attachments:MaxBytes and Attachments:MaxFiles must be positive.");
        services.AddScoped<AttachmentStore>();
        return services;
    }
}
