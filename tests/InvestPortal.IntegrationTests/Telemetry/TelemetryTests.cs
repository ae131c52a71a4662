using System.Diagnostics;
using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Telemetry;
using InvestPortal.Data;
using InvestPortal.Data.Import;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Telemetry;

/// <summary>Issue 17: what an operator's collector receives for a search, an email and an import, and who may scrape /metrics.</summary>
public sealed class TelemetryTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    /// <summary>A W3C parent the test chooses, so the spans of its request are told apart from other traffic.</summary>
    private static (ActivityTraceId TraceId, string Header) NewTraceParent()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return (traceId, $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    [Fact]
    public async Task A_search_is_a_span_in_its_requests_trace_and_a_latency_point_tagged_with_the_engine()
    {
        var (traceId, header) = NewTraceParent();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/opportunities?q=timber");
        request.Headers.Add("traceparent", header);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var search = await factory.SpanAsync(s => s.TraceId == traceId && s.DisplayName == "search.opportunities", "search.opportunities in the request's trace");
        Assert.Equal(PortalTelemetry.Name, search.Source.Name);
        Assert.Equal("lucene", search.GetTagItem("engine"));
        // The request itself and its database queries are in the same trace.
        await factory.SpanAsync(s => s.TraceId == traceId && s.Kind == ActivityKind.Server, "for the HTTP request");
        await factory.SpanAsync(s => s.TraceId == traceId && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal), "for an EF Core query");

        var latency = factory.Points("investportal.search.duration");
        Assert.Contains(latency, p => TelemetryFactory.Tag(p, "engine") == "lucene" && TelemetryFactory.Tag(p, "operation") == "opportunities" && p.GetHistogramCount() > 0);
        Assert.Contains(factory.Points("http.server.request.duration"), p => TelemetryFactory.Tag(p, "http.route").Contains("opportunities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_email_is_an_outbox_dispatch_span_and_a_point_counted_for_its_transport()
    {
        var email = $"otel-{Guid.NewGuid():N}@example.com";
        var message = await factory.RegisterAsync(email);

        var dispatch = await factory.SpanAsync(s => s.DisplayName == "outbox.dispatch" && (string?)s.GetTagItem("outbox.message_id") == message.Id.ToString(),
            $"outbox.dispatch for message {message.Id}");
        Assert.Equal("email", dispatch.GetTagItem("outbox.kind"));
        Assert.Equal("sent", dispatch.GetTagItem("outcome"));
        Assert.Contains(factory.Points("investportal.emails.sent"), p => TelemetryFactory.Tag(p, "transport") == "Pickup" && p.GetSumLong() > 0);
        Assert.Contains(factory.Points("investportal.outbox.handled"), p => TelemetryFactory.Tag(p, "kind") == "email" && TelemetryFactory.Tag(p, "outcome") == "sent");
    }

    [Fact]
    public async Task An_import_is_a_span_with_its_counts_and_points_per_outcome()
    {
        var reference = $"OT-{Guid.NewGuid():N}"[..20];
        var line = $$$"""{"externalRef":"{{{reference}}}","status":"published","sector":"logistics","location":"230100","title":{"zh":"遥测测试项目","en":"Telemetry test"},"summary":{"zh":"冷链仓储。"},"description":{"zh":"建设冷库。"},"investment":{"total":120000000,"currency":"CNY"},"cooperationModes":["joint-venture"],"organization":"遥测测试组织","contactEmail":"invest@example.org","publishedAt":"2026-09-01"}""";
        var path = Path.Combine(TestPaths.NewTempFolder("otel-import"), "file.jsonl");
        await File.WriteAllLinesAsync(path, [line]);

        using var parent = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        parent.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        parent.Start();
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<Importer>().ImportFileAsync(path, "otel-test", isDemo: false));
        parent.Stop();
        Assert.True(result.Succeeded);

        var import = await factory.SpanAsync(s => s.TraceId == parent.TraceId && s.DisplayName == "import", "import in the test's trace");
        Assert.Equal(1L, Convert.ToInt64(import.GetTagItem("import.records"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(factory.Points("investportal.import.records"), p => TelemetryFactory.Tag(p, "outcome") == "created" && p.GetSumLong() > 0);
        // The index message the import queued shows in the backlog gauges until it is handled; the gauges report at all.
        Assert.NotEmpty(factory.Points("investportal.outbox.pending"));
        Assert.NotEmpty(factory.Points("investportal.search.index_lag"));
    }

    [Fact]
    public async Task Metrics_are_refused_to_an_anonymous_remote_caller_and_served_to_an_admin()
    {
        // The test server's callers have no loopback address: to the portal they are remote.
        using var anonymous = factory.CreateClient();
        var refused = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("investportal_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        await admin.GetAsync("/api/v1/opportunities?q=timber");
        var served = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("no-store", served.Headers.CacheControl?.ToString());
        var text = await served.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE investportal_search_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("investportal_outbox_pending", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}
