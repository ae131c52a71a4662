using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Options;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Notifications.Preferences;
using InvestPortal.Notifications.Templates;
using InvestPortal.Notifications.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvestPortal.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// Email through the outbox: options "Mail" and "Outbox" (validated at start), templates,
    /// the transport chosen by Mail:Transport, the background dispatcher, preferences and
    /// unsubscribe, the admin outbox service, and the "mail" health check. Needs AddPortalData.
    /// </summary>
    public static IHostApplicationBuilder AddPortalNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Email links use the portal's one public address (Portal:PublicBaseUrl, which falls back to Mail:BaseUrl).
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            // Read from configuration, not IOptions<PublicUrlOptions>: a bad address is then reported once, by its own validation.
            .PostConfigure<Microsoft.Extensions.Configuration.IConfiguration>((mail, configuration) => mail.BaseUrl = PublicUrlOptions.Resolve(configuration))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new EmailTemplateStore(Path.Combine(sp.GetRequiredService<PortalPaths>().Content, "email")));
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<Notifier>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<OutboxAdmin>();

        services.AddSingleton<PickupMailTransport>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
                ? sp.GetRequiredService<SmtpMailTransport>()
                : sp.GetRequiredService<PickupMailTransport>());
        services.AddSingleton<IOutboxHandler, EmailOutboxHandler>();

        // Started first: a missing translation stops the start instead of failing an email later.
        services.AddHostedService<EmailTemplateCheck>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHealthChecks().AddCheck<MailHealthCheck>("mail");
        return builder;
    }

    /// <summary>Being constructed with the store is the check: the store loads and verifies every template.</summary>
    private sealed class EmailTemplateCheck(EmailTemplateStore templates) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(templates);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
