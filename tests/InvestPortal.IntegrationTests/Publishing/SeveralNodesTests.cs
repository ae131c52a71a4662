using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Testing;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>Issue 17: two web nodes behind a load balancer, one PostgreSQL, separate disks.</summary>
public sealed class SeveralNodesTests
{
    [Fact]
    public async Task A_file_uploaded_through_one_node_is_downloaded_through_the_other()
    {
        var database = PostgresServer.CreateDatabase("nodes");
        using var first = new PostgresNodeFactory(database);
        using var second = new PostgresNodeFactory(database);
        _ = first.Services; // migrates and loads the demo content before the second node starts
        _ = second.Services;
        Assert.NotEqual(first.DataPath, second.DataPath);

        var (owner, ownerUser) = await first.SignedInAsync(Roles.Official);
        var id = await first.NewDraftAsync(await first.NewOrganizationAsync(ownerUser), "多节点附件测试");
        var uploaded = await owner.UploadAsync($"/en/my/opportunities/edit/{id}", EditorTestKit.Pdf, "brochure.pdf");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var attachment = Assert.Single(await first.AttachmentsAsync(id));

        // The same official signs in on the other node; the draft's file is theirs to read there too.
        using var elsewhere = second.CreateBrowserlikeClient();
        var login = await elsewhere.GetDocumentAsync("/en/account/login");
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SubmitFormAsync("/en/account/login", login, "main form",
            new Dictionary<string, string> { ["Input.Email"] = ownerUser.Email!, ["Input.Password"] = Infrastructure.Accounts.Password })).StatusCode);
        var download = await elsewhere.GetAsync($"/attachments/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(EditorTestKit.Pdf, await download.Content.ReadAsByteArrayAsync());
        // Neither node's disk holds it: the bytes are in the database.
        Assert.False(Directory.Exists(Path.Combine(second.DataPath, "uploads", id.ToString("N"))));
        Assert.False(Directory.Exists(Path.Combine(first.DataPath, "uploads", id.ToString("N"))));
    }
}
