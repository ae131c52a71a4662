using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Data;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>The audit log page's filters and paging, and its CSV export (BOM, escaping, formulas neutralized).</summary>
public abstract class AuditLogTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task<string> SeedAsync()
    {
        var marker = "auditor-" + Guid.NewGuid().ToString("N")[..8];
        await factory.WithDbAsync(async db =>
        {
            void Add(string action, string entity, DateTimeOffset at, string? reason = null, string? details = null)
            {
                var e = db.Audit(action, "opportunity", entity, $"{marker}@example.com", details: details, reason: reason, userId: marker);
                e.At = at;
            }
            Add("opportunity.reject", "opp-1", new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), reason: "=HYPERLINK(\"http://evil\",\"点我\")", details: "Хэйхэ, \"порт\"");
            Add("opportunity.approve", "opp-1", new DateTimeOffset(2026, 3, 11, 9, 30, 0, TimeSpan.Zero), details: "+79990000000");
            Add("opportunity.approve", "opp-2", new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero), details: "@SUM(A1)\nsecond line");
            Add("opportunity.submit", "opp-3", new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), details: "-1");
            return await db.SaveChangesAsync();
        });
        return marker;
    }

    private static List<string> Actions(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll(".audit-table tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task Filters_by_user_action_entity_and_dates_newest_first()
    {
        var marker = await SeedAsync();
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);

        var byUser = await admin.GetDocumentAsync($"/en/admin/audit?user={marker}");
        Assert.Equal(["opportunity.submit", "opportunity.approve", "opportunity.approve", "opportunity.reject"], Actions(byUser));
        Assert.Contains("4 entries", byUser.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(["opportunity.approve", "opportunity.approve"], Actions(await admin.GetDocumentAsync($"/en/admin/audit?user={marker}&action=opportunity.approve")));
        Assert.Equal(["opportunity.approve", "opportunity.reject"], Actions(await admin.GetDocumentAsync($"/en/admin/audit?user={marker}&type=opportunity&entity=opp-1")));
        Assert.Equal(["opportunity.approve", "opportunity.approve"], Actions(await admin.GetDocumentAsync($"/en/admin/audit?user={marker}&from=2026-03-11&to=2026-04-01")));
        var none = await admin.GetDocumentAsync($"/zh/admin/audit?user={marker}&from=2027-01-01");
        Assert.Contains("没有符合条件的记录", none.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);

        // A date that cannot be read says so next to the field, in the page language.
        var bad = await admin.GetDocumentAsync($"/ru/admin/audit?user={marker}&from=11.03.2026");
        Assert.Contains("ГГГГ-ММ-ДД", bad.QuerySelector("#f-from-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_through_a_long_log_keeping_the_filter()
    {
        var marker = "pager-" + Guid.NewGuid().ToString("N")[..8];
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 55; i++) db.Audit("test.paging", "thing", i.ToString(), marker);
            return await db.SaveChangesAsync();
        });
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var first = await admin.GetDocumentAsync($"/en/admin/audit?user={marker}");
        Assert.Equal(50, first.QuerySelectorAll(".audit-table tbody tr").Length);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"user={marker}", next, StringComparison.Ordinal);
        var second = await admin.GetDocumentAsync(next);
        Assert.Equal(5, second.QuerySelectorAll(".audit-table tbody tr").Length);
    }

    [Fact]
    public async Task The_csv_export_holds_the_filtered_set_as_excel_safe_utf8()
    {
        var marker = await SeedAsync();
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var page = await admin.GetDocumentAsync($"/en/admin/audit?user={marker}&type=opportunity");
        var link = page.QuerySelector("a.csv-link")!.GetAttribute("href")!;
        Assert.Contains($"user={marker}", link, StringComparison.Ordinal);

        var response = await admin.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var csv = await AdminTestKit.CsvBodyAsync(response);
        var lines = csv.Split("\r\n");
        Assert.Equal("id,at_utc,user_name,user_id,action,entity_type,entity_id,from,to,reason,details", lines[0]);
        Assert.Equal(6, lines.Length); // header, 4 rows (one with an embedded newline inside quotes), trailing empty
        Assert.Contains($"2026-03-10 08:00:00,{marker}@example.com,{marker},opportunity.reject,opportunity,opp-1,,,\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",\"Хэйхэ, \"\"порт\"\"\"", csv, StringComparison.Ordinal);
        Assert.Contains(",'+79990000000", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'@SUM(A1)\nsecond line\"", csv, StringComparison.Ordinal);
        Assert.Contains(",'-1\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);

        var filtered = await AdminTestKit.CsvBodyAsync(await admin.GetAsync($"/en/admin/audit?handler=csv&user={marker}&action=opportunity.submit"));
        Assert.Equal(3, filtered.Split("\r\n").Length);
    }
}

public sealed class AuditLogOnSqlite(SqlitePortalFactory factory) : AuditLogTests<SqlitePortalFactory>(factory);
public sealed class AuditLogOnPostgres(PostgresPortalFactory factory) : AuditLogTests<PostgresPortalFactory>(factory);
