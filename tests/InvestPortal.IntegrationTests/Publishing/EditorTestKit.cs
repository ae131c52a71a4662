using System.Net.Http.Headers;
using AngleSharp.Dom;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>Published listings, uploads and texts for the editor tests.</summary>
internal static class EditorTestKit
{
    /// <summary>A listing as if it had been approved, with the given texts (culture → title).</summary>
    public static async Task<Guid> NewPublishedAsync(this PortalFactory factory, Guid organizationId, string zhTitle, string? ruTitle = null, string? description = null)
    {
        var id = await factory.NewDraftAsync(organizationId, zhTitle);
        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.Include(x => x.Translations).FirstAsync(x => x.Id == id);
            o.Status = OpportunityStatus.Published;
            o.PublishedAt = DateTimeOffset.UtcNow;
            o.Translations.Single().Description = description;
            if (ruTitle is not null) o.Translations.Add(new OpportunityTranslation { OpportunityId = id, Culture = Cultures.Ru, Title = ruTitle });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<string> SlugAsync(this PortalFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.Slug).SingleAsync());

    /// <summary>Posts a file through the editor's upload form, with its antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string editUrl, byte[] bytes, string fileName,
        string claimedType = "application/pdf")
    {
        var page = await client.GetDocumentAsync(editUrl);
        var form = page.QuerySelector("form.upload-form") ?? throw new InvalidOperationException("No upload form on " + editUrl);
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(claimedType);
        content.Add(file, "upload", fileName);
        return await client.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>Follows a redirect back to the editor and returns the page.</summary>
    public static Task<IDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect) =>
        client.GetDocumentAsync(redirect.Headers.Location!.OriginalString.Split('#')[0]);

    public static Task<List<OpportunityAttachment>> AttachmentsAsync(this PortalFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.OpportunityAttachments.AsNoTracking().Where(a => a.OpportunityId == id).ToListAsync());

    /// <summary>
    /// Ids ("N") of a listing's attachments whose bytes the store holds, sorted: files under uploads/{listing}/ with the
    /// folder store (the SQLite default), content rows with the database store (the PostgreSQL default), which leaves
    /// no file in the folder.
    /// </summary>
    public static async Task<List<string>> StoredFilesAsync(this PortalFactory factory, Guid id)
    {
        var folder = Path.Combine(factory.DataPath, "uploads", id.ToString("N"));
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order().ToList() : [];
        if (factory.Provider != "Postgres") return files;
        Assert.Empty(files);
        var rows = await factory.WithDbAsync(db => db.OpportunityAttachmentContents.AsNoTracking()
            .Where(c => db.OpportunityAttachments.Any(a => a.Id == c.AttachmentId && a.OpportunityId == id))
            .Select(c => c.AttachmentId).ToListAsync());
        return [.. rows.Select(r => r.ToString("N")).Order()];
    }

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xB8];
    public static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00];
    public static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();
    public static readonly byte[] Svg = "\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"u8.ToArray();
    public static readonly byte[] Script = "#!/bin/sh\nrm -rf /\n"u8.ToArray();
}
