using InvestPortal.Search;
using InvestPortal.Core.Outbox;

namespace InvestPortal.Web.Administration;

public static class AdministrationRegistration
{
    /// <summary>The services behind the admin pages: moderation queue, audit log, users, organizations, taxonomy labels, border crossings.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<ModerationQueue>();
        services.AddScoped<ModerationDecisions>();
        services.AddScoped<ModerationReview>();
        services.AddScoped<AdminOverview>();
        services.AddScoped<AuditLog>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<OrganizationAdmin>();
        services.AddSingleton<TaxonomyLabelStore>();
        services.AddSingleton<ISearchDocumentInputs>(sp => sp.GetRequiredService<TaxonomyLabelStore>());
        services.AddScoped<TaxonomyLabelAdmin>();
        services.AddScoped<IOutboxHandler, TaxonomyLabelsChangedHandler>();
        services.AddOptions<TaxonomyOptions>().BindConfiguration(TaxonomyOptions.Section);
        services.AddHostedService<TaxonomyLabelRefresher>();
        services.AddSingleton<BorderCrossingStore>();
        services.AddSingleton<ISearchDocumentInputs>(sp => sp.GetRequiredService<BorderCrossingStore>());
        services.AddScoped<CrossingCorrectionAdmin>();
        services.AddScoped<IOutboxHandler, BorderCrossingsChangedHandler>();
        services.AddOptions<CrossingOptions>().BindConfiguration(CrossingOptions.Section);
        services.AddHostedService<BorderCrossingRefresher>();
        return services;
    }
}
