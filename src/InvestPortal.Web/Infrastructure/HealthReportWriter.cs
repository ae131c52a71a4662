using System.Net;
using System.Text.Json;
using InvestPortal.Core.Domain;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InvestPortal.Web.Infrastructure;

/// <summary>
/// /health as JSON. Anyone learns the overall status (what a load balancer needs); each dependency's
/// details (database, search engine with index paths, counts and lag, mail transport) go only to admins
/// and to callers on the machine itself, since they map the installation for an attacker.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // Never cached: a shared cache could hand an admin's detailed answer to anyone.
        context.Response.Headers.CacheControl = "no-store";
        object body = MaySeeDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    /// <summary>Signed-in admins, and processes on this machine talking to it directly (an operator's curl, a local monitor).</summary>
    public static bool MaySeeDetails(HttpContext context) =>
        context.User.IsInRole(Roles.Admin) || IsDirectLoopback(context);

    /// <summary>
    /// A loopback address that no proxy stands in for. Behind a reverse proxy on the same machine every
    /// request arrives from loopback: the forwarded-headers middleware then replaces the address with the
    /// client's and keeps the proxy's in X-Original-For, and a request that still carries X-Forwarded-For
    /// came through a proxy too. Either way it is a remote visitor, even one claiming to be 127.0.0.1.
    /// </summary>
    private static bool IsDirectLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Original-For")
        && !context.Request.Headers.ContainsKey("X-Forwarded-For");
}
