using InvestPortal.Core.Outbox;

namespace InvestPortal.Web.Accounts;

public static class AccountsRegistration
{
    /// <summary>The services behind registration, password reset and the account start page.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountEmails>();
        services.AddScoped<Registration>();
        services.AddScoped<PasswordResetRequests>();
        services.AddScoped<AccountOverview>();
        services.AddScoped<IOutboxHandler, PasswordResetRequestHandler>();
        return services;
    }
}
