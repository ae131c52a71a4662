using System.Text;
using System.Xml;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Discovery;

/// <summary>/sitemap.xml and /{c}/feed.xml: published listings only, every URL with its three language versions.</summary>
public static class DiscoveryEndpoints
{
    private const int FeedSize = 50;

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription();
        endpoints.MapGet("/{culture:culture}/feed.xml", FeedAsync).ExcludeFromDescription();
        return endpoints;
    }

    // The configured public address, never the request's Host header: a forged host must not end up in
    // a sitemap a crawler keeps or a feed a reader caches.
    private static string Origin(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublicUrlOptions>>().Value.Origin;

    private static async Task SitemapAsync(HttpContext context, PortalDbContext db, CancellationToken ct)
    {
        var origin = Origin(context);
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published)
            .OrderBy(o => o.ExternalRef).Select(o => new { o.Slug, o.UpdatedAt }).ToListAsync(ct);
        var investors = await db.InvestorProfiles.AsNoTracking().Where(p => p.Visibility == ProfileVisibility.Public)
            .OrderBy(p => p.ExternalRef).Select(p => new { p.Slug, p.UpdatedAt }).ToListAsync(ct);
        var pages = new List<(string Path, DateTimeOffset? Modified)> { ("", null), ("opportunities", null), ("investors", null) };
        pages.AddRange(opportunities.Select(o => ($"opportunities/{o.Slug}", (DateTimeOffset?)o.UpdatedAt)));
        pages.AddRange(investors.Select(p => ($"investors/{p.Slug}", (DateTimeOffset?)p.UpdatedAt)));

        using var buffer = new MemoryStream();
        await using (var writer = NewWriter(buffer))
        {
            await writer.WriteStartDocumentAsync();
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            writer.WriteAttributeString("xmlns", "xhtml", null, "http://www.w3.org/1999/xhtml");
            foreach (var (path, modified) in pages)
            {
                foreach (var culture in Cultures.All)
                {
                    writer.WriteStartElement("url");
                    writer.WriteElementString("loc", $"{origin}/{culture}/{path}");
                    if (modified is { } m) writer.WriteElementString("lastmod", m.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    foreach (var alternate in Cultures.All)
                    {
                        writer.WriteStartElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", Cultures.HtmlLang(alternate));
                        writer.WriteAttributeString("href", $"{origin}/{alternate}/{path}");
                        writer.WriteEndElement();
                    }
                    writer.WriteEndElement();
                }
        }
        writer.WriteEndElement();
        await writer.WriteEndDocumentAsync();
        }
        await SendAsync(context, buffer, "application/xml; charset=utf-8");
    }

    private static async Task FeedAsync(string culture, HttpContext context, PortalDbContext db,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var origin = Origin(context);
        var items = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
            .Where(o => o.Status == OpportunityStatus.Published)
            .OrderByDescending(o => o.PublishedAt).ThenBy(o => o.ExternalRef).Take(FeedSize).ToListAsync(ct);
        var updated = items.Select(o => o.PublishedAt ?? o.UpdatedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();

        using var buffer = new MemoryStream();
        await using (var writer = NewWriter(buffer))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            await writer.WriteStartDocumentAsync();
            writer.WriteStartElement("feed", atom);
            writer.WriteAttributeString("xml", "lang", null, Cultures.HtmlLang(culture));
            writer.WriteElementString("id", $"{origin}/{culture}/feed.xml");
            writer.WriteElementString("title", $"{l["Site.Name"]} — {l["Home.Newest"]}");
            writer.WriteElementString("updated", updated.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            WriteLink(writer, "self", $"{origin}/{culture}/feed.xml");
            WriteLink(writer, "alternate", $"{origin}/{culture}/opportunities");
            writer.WriteStartElement("author");
            writer.WriteElementString("name", l["Site.Name"]);
            writer.WriteEndElement();
            foreach (var o in items)
            {
                var text = o.For(culture)!;
                var url = $"{origin}/{culture}/opportunities/{o.Slug}";
                writer.WriteStartElement("entry");
                writer.WriteElementString("id", $"urn:investportal:opportunity:{o.Id}");
                writer.WriteStartElement("title");
                writer.WriteAttributeString("xml", "lang", null, Cultures.HtmlLang(text.Culture));
                writer.WriteString(text.Title);
                writer.WriteEndElement();
                WriteLink(writer, "alternate", url);
                writer.WriteElementString("updated", (o.PublishedAt ?? o.UpdatedAt).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(text.Summary))
                {
                    writer.WriteStartElement("summary");
                    writer.WriteAttributeString("xml", "lang", null, Cultures.HtmlLang(text.Culture));
                    writer.WriteString(text.Summary);
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
        }
        writer.WriteEndElement();
        await writer.WriteEndDocumentAsync();
        }
        await SendAsync(context, buffer, "application/atom+xml; charset=utf-8");
    }

    // XmlWriter writes synchronously; Kestrel allows only asynchronous I/O, so documents are built in memory first.
    private static XmlWriter NewWriter(Stream stream) =>
        XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });

    private static async Task SendAsync(HttpContext context, MemoryStream buffer, string contentType)
    {
        context.Response.ContentType = contentType;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body);
    }

    private static void WriteLink(XmlWriter writer, string rel, string href)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }
}
