using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>Issue 12: 16 uploads at once used to leave 11 files on a listing limited to 10.</summary>
public abstract class AttachmentLimitTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task Sixteen_parallel_uploads_leave_exactly_the_limit_of_ten_files()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser), "并发上传测试项目");
        var editUrl = $"/en/my/opportunities/edit/{id}";

        var responses = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => owner.UploadAsync(editUrl, EditorTestKit.Pdf, $"brochure-{i}.pdf")));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, r.StatusCode.ToString()));
        var attachments = await factory.AttachmentsAsync(id);
        Assert.Equal(10, attachments.Count);
        // No file is left behind by a refused upload: the store holds exactly the ten stored ones, and no upload in progress remains.
        Assert.Equal(attachments.Select(a => a.Id.ToString("N")).Order(), await factory.StoredFilesAsync(id));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataPath, "uploads"), "*.part"));
    }
}

public sealed class AttachmentLimitOnSqlite(SqlitePortalFactory factory) : AttachmentLimitTests<SqlitePortalFactory>(factory);
public sealed class AttachmentLimitOnPostgres(PostgresPortalFactory factory) : AttachmentLimitTests<PostgresPortalFactory>(factory);
