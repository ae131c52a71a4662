using InvestPortal.Core.Outbox;

namespace InvestPortal.Web.Administration;

public static class AdministrationRegistration
{
    /// <summary>The services behind the admin pages: moderation queue, audit log, users, organizations, taxonomy labels.</summary>
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
        services.AddScoped<TaxonomyLabelAdmin>();
        services.AddScoped<IOutboxHandler, TaxonomyLabelsChangedHandler>();
        services.AddOptions<TaxonomyOptions>().BindConfiguration(TaxonomyOptions.Section);
        services.AddHostedService<TaxonomyLabelRefresher>();
        return services;
    }
}
