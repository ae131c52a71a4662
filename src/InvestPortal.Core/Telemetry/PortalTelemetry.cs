using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace InvestPortal.Core.Telemetry;

/// <summary>
/// The portal's own spans and measurements. They live in Core so that search, notifications, data and web
/// can all report without depending on each other or on OpenTelemetry: the BCL types cost nothing while no
/// listener (the OpenTelemetry SDK in the web process, a test) is attached.
/// </summary>
public static class PortalTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>; what an exporter subscribes to.</summary>
    public const string Name = "InvestPortal";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Time one search engine call took, tagged engine (lucene | elasticsearch) and operation.</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>(
        "investportal.search.duration", unit: "s", description: "Duration of search engine calls by engine and operation.");

    /// <summary>Emails the transport accepted, tagged transport (Pickup | Smtp).</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>(
        "investportal.emails.sent", unit: "{email}", description: "Emails handed to the mail transport, by transport.");

    /// <summary>Outbox messages attempted, tagged kind and outcome (sent | retry | dead).</summary>
    public static readonly Counter<long> OutboxHandled = Meter.CreateCounter<long>(
        "investportal.outbox.handled", unit: "{message}", description: "Outbox messages attempted, by kind and outcome.");

    /// <summary>Public views of listing detail pages (bots excluded), the same count the statistics page shows.</summary>
    public static readonly Counter<long> PageViews = Meter.CreateCounter<long>(
        "investportal.page_views", unit: "{view}", description: "Public views of opportunity pages (bots excluded).");

    /// <summary>Records read by an import, tagged outcome (created | updated | unchanged | failed).</summary>
    public static readonly Counter<long> ImportRecords = Meter.CreateCounter<long>(
        "investportal.import.records", unit: "{record}", description: "Records processed by imports, by outcome.");

    /// <summary>Tag names used across the instruments and spans.</summary>
    public static class Tags
    {
        public const string Engine = "engine";
        public const string Operation = "operation";
        public const string Transport = "transport";
        public const string Kind = "kind";
        public const string Outcome = "outcome";
    }
}
