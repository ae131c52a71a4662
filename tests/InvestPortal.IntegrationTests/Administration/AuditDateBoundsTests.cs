using System.Net;
using InvestPortal.Core.Domain;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>Issue 12: /admin/audit?to=9999-12-31 answered 500 and cut the CSV off mid-body.</summary>
public abstract class AuditDateBoundsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Theory]
    [InlineData("en", "to=9999-12-31", "Enter a date from 2000-01-01 to 2199-12-31.")]
    [InlineData("ru", "from=0001-01-01", "Укажите дату в пределах от 2000-01-01 до 2199-12-31.")]
    [InlineData("zh", "from=2026-01-01&to=9999-12-31", "请输入 2000-01-01 至 2199-12-31 之间的日期。")]
    public async Task A_far_date_is_explained_next_to_its_field_and_the_log_still_shows(string culture, string query, string message)
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);

        var response = await admin.GetAsync($"/{culture}/admin/audit?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Equal(message, doc.QuerySelector(".field-error")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector(".result-count"));
    }

    [Fact]
    public async Task The_CSV_of_a_far_date_is_refused_whole_with_the_message_instead_of_cut_off()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);

        var response = await admin.GetAsync("/en/admin/audit?handler=csv&to=9999-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter a date from 2000-01-01 to 2199-12-31.", (await response.Content.ReadAsStringAsync()).Trim());
        var good = await admin.GetAsync("/en/admin/audit?handler=csv&to=2199-12-31");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.StartsWith("id,at_utc,", await AdminTestKit.CsvBodyAsync(good), StringComparison.Ordinal);
    }
}

public sealed class AuditDateBoundsOnSqlite(SqlitePortalFactory factory) : AuditDateBoundsTests<SqlitePortalFactory>(factory);
public sealed class AuditDateBoundsOnPostgres(PostgresPortalFactory factory) : AuditDateBoundsTests<PostgresPortalFactory>(factory);
