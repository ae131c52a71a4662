namespace InvestPortal.Web.Telemetry;

/// <summary>Section "OpenTelemetry": where traces, metrics and logs go, and who may read /metrics.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>OTLP collector, e.g. http://otel-collector:4317 (gRPC) or http://otel-collector:4318 (with Protocol=HttpProtobuf). Unset: nothing is exported over OTLP.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Grpc (default, port 4317) or HttpProtobuf (port 4318).</summary>
    public OtlpProtocolKind Protocol { get; set; } = OtlpProtocolKind.Grpc;

    /// <summary>service.name on every span, metric and log record; set it per deployment (prod, staging).</summary>
    public string ServiceName { get; set; } = "investportal";

    /// <summary>
    /// Record traces. Unset: on exactly when <see cref="Endpoint"/> is set, since spans nobody exports only cost time.
    /// (Tests turn it on to read spans from the in-memory exporter.)
    /// </summary>
    public bool? Tracing { get; set; }

    /// <summary>Serve Prometheus text at /metrics (to admins, this machine and <see cref="MetricsAllowedNetworks"/>).</summary>
    public bool PrometheusEndpoint { get; set; } = true;

    /// <summary>CIDR ranges (e.g. 10.0.0.0/8, fd00::/8) whose callers may scrape /metrics without signing in: the Prometheus server's network.</summary>
    public string[] MetricsAllowedNetworks { get; set; } = [];

    /// <summary>The outbox and index-lag gauges query the database at most this often; between queries a scrape reads the last answer.</summary>
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool TracingEnabled => Tracing ?? !string.IsNullOrWhiteSpace(Endpoint);
}
