using InvestPortal.Data;
using InvestPortal.Web.Content;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Attachments;

public static class AttachmentRegistration
{
    /// <summary>
    /// The editor's content services: Markdown rendering and attachments. Bytes go to the folder store unless
    /// Attachments:Store says otherwise, or to the database when Database:Provider=Postgres (several nodes share one
    /// PostgreSQL; SQLite means one node, where the folder is cheaper and keeps the database file small).
    /// </summary>
    public static IServiceCollection AddEditorContent(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.MaxBytes > 0 && o.MaxFiles > 0, "Attachments:MaxBytes and Attachments:MaxFiles must be positive.");
        services.AddScoped<AttachmentService>();
        services.AddScoped<FolderAttachmentStore>();
        services.AddScoped<DatabaseAttachmentStore>();
        services.AddScoped<IAttachmentStore>(sp => StoreKind(sp) == AttachmentStoreKind.Database
            ? sp.GetRequiredService<DatabaseAttachmentStore>()
            : sp.GetRequiredService<FolderAttachmentStore>());
        return services;
    }

    public static AttachmentStoreKind StoreKind(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AttachmentOptions>>().Value.Store
        ?? (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == "Postgres" ? AttachmentStoreKind.Database : AttachmentStoreKind.Folder);
}
