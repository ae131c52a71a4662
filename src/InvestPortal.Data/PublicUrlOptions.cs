using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InvestPortal.Data;

/// <summary>
/// Section "Portal": the address the public reaches the portal at. Every absolute link (canonical and
/// hreflang links, og:url, the sitemap, the feeds, emails) is built from it, never from the request's
/// Host header, which any client can forge (a forged host in a cached page or a crawled sitemap sends
/// visitors to the attacker).
/// </summary>
public sealed class PublicUrlOptions
{
    public const string Section = "Portal";
    /// <summary>Older name of the same setting, still read when Portal:PublicBaseUrl is not set.</summary>
    public const string LegacyKey = "Mail:BaseUrl";
    public const string Default = "http://localhost:5000";

    /// <summary>Scheme, host and optional path prefix, e.g. "https://invest.example.org".</summary>
    public string PublicBaseUrl { get; set; } = Default;

    /// <summary>The base without a trailing slash, ready for "/{culture}/…".</summary>
    public string Origin => PublicBaseUrl.TrimEnd('/');

    /// <summary>An absolute URL for a path that starts with "/".</summary>
    public string Absolute(string path) => Origin + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Portal:PublicBaseUrl, else Mail:BaseUrl (configurations written before the public setting existed), else the default.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var value = configuration[$"{Section}:{nameof(PublicBaseUrl)}"];
        if (string.IsNullOrWhiteSpace(value)) value = configuration[LegacyKey];
        return string.IsNullOrWhiteSpace(value) ? Default : value.Trim();
    }

    internal static void Bind(PublicUrlOptions options, IConfiguration configuration) => options.PublicBaseUrl = Resolve(configuration);
}
