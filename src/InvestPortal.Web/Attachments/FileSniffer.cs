using System.Text;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// Decides what a file is from its first bytes, never from its name or the browser's Content-Type:
/// "brochure.pdf" that starts with MZ is a Windows program. Only PDF, JPEG and PNG pass.
/// </summary>
public static class FileSniffer
{
    public const string Pdf = "application/pdf", Jpeg = "image/jpeg", Png = "image/png";
    public const int HeaderLength = 16;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46], MachO = [0xCF, 0xFA, 0xED, 0xFE], JavaClass = [0xCA, 0xFE, 0xBA, 0xBE];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF], Utf16Le = [0xFF, 0xFE], Utf16Be = [0xFE, 0xFF];

    /// <summary>The content type of an accepted file, or why it is refused.</summary>
    public static (string? ContentType, FileRejection? Rejection) Sniff(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty) return (null, FileRejection.Empty);
        if (header.StartsWith(PdfMagic)) return (Pdf, null);
        if (header.StartsWith(JpegMagic)) return (Jpeg, null);
        if (header.StartsWith(PngMagic)) return (Png, null);
        // Named so the official learns why, not just "wrong type": programs and scripts...
        if (header.StartsWith("MZ"u8) || header.StartsWith(Elf) || header.StartsWith("#!"u8)
            || header.StartsWith(JavaClass) || header.StartsWith(MachO))
            return (null, FileRejection.Executable);
        // ...and markup (HTML, SVG, XML) that a browser could run scripts from.
        if (LooksLikeMarkup(header)) return (null, FileRejection.Markup);
        return (null, FileRejection.UnknownType);
    }

    public static string Extension(string contentType) => contentType switch { Pdf => ".pdf", Jpeg => ".jpg", Png => ".png", _ => "" };

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(Utf8Bom)) header = header[3..];
        if (header.StartsWith(Utf16Le) || header.StartsWith(Utf16Be)) return true; // UTF-16 text: never a brochure
        var text = Encoding.ASCII.GetString(header).TrimStart();
        return text.StartsWith('<');
    }

    /// <summary>
    /// The uploaded name made safe to show and to put in Content-Disposition: no folders, no control
    /// or reserved characters, at most 100 characters, and the extension of the detected type.
    /// It is never used to build a path.
    /// </summary>
    public static string CleanFileName(string? uploaded, string contentType)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || "<>:\"|?*;%".Contains(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            kept.Append(c);
        }
        name = kept.ToString().Trim().Trim('.').Trim();
        var extension = Extension(contentType);
        // A name that already ends right keeps its own spelling (.jpeg, .PDF); any other gets ours appended.
        var own = Path.GetExtension(name);
        var fits = own.Equals(extension, StringComparison.OrdinalIgnoreCase)
            || (contentType == Jpeg && own.Equals(".jpeg", StringComparison.OrdinalIgnoreCase));
        if (fits) extension = own;
        var stem = fits ? Path.GetFileNameWithoutExtension(name) : name;
        stem = stem.Trim().Trim('.');
        if (stem.Length == 0) stem = "attachment";
        if (stem.Length > 100 - extension.Length) stem = stem[..(100 - extension.Length)];
        if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        return stem + extension;
    }
}
