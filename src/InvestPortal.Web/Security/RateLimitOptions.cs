using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Security;

/// <summary>Section "RateLimits": requests a minute per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public int LoginPerMinute { get; set; } = 10;
    public int FormsPerMinute { get; set; } = 20;
    public int ApiPerMinute { get; set; } = 600;
    /// <summary>Generous: a person paging and filtering stays far below it.</summary>
    public int SearchPerMinute { get; set; } = 120;
}
