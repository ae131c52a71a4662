using Microsoft.Net.Http.Headers;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// GET /attachments/{id}: the stored bytes with headers that keep a browser from treating them as
/// anything but the type we detected on upload.
/// </summary>
public static class AttachmentEndpoints
{
    /// <summary>Even if a file slipped through, nothing in it may run, load or submit anything.</summary>
    public const string Policy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:guid}", ServeAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(Guid id, HttpContext context, AttachmentService attachments, CancellationToken ct)
    {
        // Not found, not theirs and not published yet all look the same.
        if (await attachments.FindReadableAsync(id, context.User, ct) is not { } attachment) return Results.NotFound();
        if (await attachments.OpenReadAsync(attachment, ct) is not { } content) return Results.NotFound();
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = Policy;
        headers.CacheControl = "private, no-cache";
        var disposition = new ContentDispositionHeaderValue(attachment.ContentType == FileSniffer.Pdf ? "attachment" : "inline");
        // FileNameStar carries Chinese and Russian names (RFC 5987); FileName is the ASCII fallback.
        disposition.SetHttpFileName(attachment.FileName);
        headers.ContentDisposition = disposition.ToString();
        return Results.File(content, attachment.ContentType, enableRangeProcessing: false);
    }
}
