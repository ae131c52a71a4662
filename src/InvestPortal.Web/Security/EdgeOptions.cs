using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InvestPortal.Web.Security;

/// <summary>Section "Edge".</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";
    /// <summary>CIDR networks of trusted reverse proxies besides loopback, e.g. "172.16.0.0/12".</summary>
    public string[]? KnownProxyNetworks { get; set; }
    /// <summary>Largest form or JSON body (sign-in, editor texts): 1 MiB.</summary>
    public long MaxFormBytes { get; set; } = 1024 * 1024;
    /// <summary>Largest multipart body (attachments): 25 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;
    /// <summary>Longest address (path and query, in characters) a request may have: 4096, several times what a search with every filter needs.</summary>
    public int MaxUrlLength { get; set; } = 4096;
}
