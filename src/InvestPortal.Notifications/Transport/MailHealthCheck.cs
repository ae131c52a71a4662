using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InvestPortal.Notifications.Transport;

/// <summary>"mail" on /health: which transport, and whether it can deliver right now (SMTP: connect and log in).</summary>
public sealed class MailHealthCheck(IMailTransport transport) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["transport"] = transport.Name };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var target = await transport.ProbeAsync(timeout.Token);
            return HealthCheckResult.Healthy(target, data);
        }
        catch (Exception ex)
        {
            // Unhealthy, not fatal: emails wait in the outbox until the transport is back.
            return new HealthCheckResult(context.Registration.FailureStatus, $"{transport.Name} cannot deliver: {ex.Message}", ex, data);
        }
    }
}
