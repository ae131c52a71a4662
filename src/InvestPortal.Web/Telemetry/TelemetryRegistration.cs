using InvestPortal.Core.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InvestPortal.Web.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// Metrics always (for /metrics and OTLP): ASP.NET Core request rates and durations, HttpClient calls, the portal's
    /// own meter (search latency by engine, emails by transport, outbox outcomes, page views, imports) and the backlog
    /// gauges. Traces when exported (requests, EF Core, HttpClient — which carries the Elasticsearch client's calls —,
    /// Elastic.Transport and the portal's own source: search, outbox dispatch, import). OTLP export of all three
    /// signals when OpenTelemetry:Endpoint is set. Log lines carry the trace and span ids of the request they belong to.
    /// </summary>
    public static IHostApplicationBuilder AddPortalTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Endpoint) || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _),
                "OpenTelemetry:Endpoint must be an absolute URL such as http://otel-collector:4317.")
            .Validate(o => o.GaugeRefreshInterval > TimeSpan.Zero, "OpenTelemetry:GaugeRefreshInterval must be positive.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? null : new Uri(options.Endpoint);

        // Every log line written while a request (or an outbox span) runs carries its trace id, so an operator can go
        // from a log line to the trace and find all lines of one request. Shown by the console formatters with
        // Logging:Console:FormatterOptions:IncludeScopes (on in appsettings.json).
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        builder.Services.AddSingleton<BacklogGauges>();
        builder.Services.AddSingleton<MetricsAccess>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(PortalTelemetry.Name);
                if (options.PrometheusEndpoint) m.AddPrometheusExporter();
                if (endpoint is not null) m.AddOtlpExporter(o => Point(o, endpoint, options.Protocol, "v1/metrics"));
            });
        if (options.TracingEnabled)
        {
            otel.WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o =>
                    {
                        // Static files and probes would drown the traces that matter.
                        o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/metrics")
                                          && !Path.HasExtension(ctx.Request.Path.Value);
                    })
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource("Elastic.Transport")
                    .AddSource(PortalTelemetry.Name);
                if (endpoint is not null) t.AddOtlpExporter(o => Point(o, endpoint, options.Protocol, "v1/traces"));
            });
        }
        if (endpoint is not null)
            otel.WithLogging(l => l.AddOtlpExporter(o => Point(o, endpoint, options.Protocol, "v1/logs")));
        return builder;
    }

    /// <summary>/metrics in Prometheus text format, behind <see cref="MetricsAccess"/>.</summary>
    public static WebApplication MapPortalMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        // Created now so the gauges exist before the first scrape.
        app.Services.GetRequiredService<BacklogGauges>();
        if (options.PrometheusEndpoint)
            app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(MetricsAccess.GateAsync), optionsName: null);
        return app;
    }

    // With HTTP/protobuf each signal has its own path under the collector's base address; gRPC takes the address as is.
    private static void Point(OtlpExporterOptions o, Uri endpoint, OtlpProtocolKind protocol, string signalPath)
    {
        o.Protocol = protocol == OtlpProtocolKind.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        o.Endpoint = protocol == OtlpProtocolKind.HttpProtobuf ? new Uri(endpoint, signalPath) : endpoint;
    }
}
