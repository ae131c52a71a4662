using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Localization;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using InvestPortal.Web.Accounts;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Infrastructure;

/// <summary>Section "Account".</summary>
public sealed class AccountOptions
{
    public const string Section = "Account";
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>Self-registered users confirm their email before they can sign in.</summary>
    public bool RequireConfirmedEmail { get; set; } = true;
    /// <summary>Passwords zxcvbn scores below this (0–4) are refused as too easy to guess.</summary>
    public int MinPasswordScore { get; set; } = 2;
    /// <summary>How soon a revoked session (roles removed, suspended, password changed or reset, signed out) stops working.</summary>
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromSeconds(5);
}
