using System.Globalization;
using InvestPortal.Core.Domain;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Attachments;

/// <summary>"PDF · 1.4 MB": what a reader needs to know before opening a file.</summary>
public static class AttachmentText
{
    public static string Describe(OpportunityAttachment a, IStringLocalizer l)
    {
        var kind = a.ContentType switch { FileSniffer.Pdf => "PDF", FileSniffer.Png => "PNG", _ => "JPEG" };
        var culture = CultureInfo.CurrentCulture;
        var size = a.Length >= 1024 * 1024
            ? l["Attachments.SizeMb", (a.Length / 1048576.0).ToString("0.#", culture)]
            : l["Attachments.SizeKb", Math.Max(1, (a.Length + 1023) / 1024).ToString(culture)];
        return $"{kind} · {size}";
    }
}
