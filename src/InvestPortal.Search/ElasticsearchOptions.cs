using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Search;

/// <summary>Configuration section "Search:Elasticsearch".</summary>
public sealed class ElasticsearchOptions
{
    /// <summary>One or more node URLs, comma-separated.</summary>
    public string? Url { get; set; }
    public string? ApiKey { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>SHA-256 fingerprint of the cluster's CA certificate (self-signed clusters).</summary>
    public string? CertificateFingerprint { get; set; }
    [Required] public string IndexPrefix { get; set; } = "investportal";
}
