using InvestPortal.Notifications.Email;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Investing;

/// <summary>The name and description of the profile in one language.</summary>
public sealed class ProfileText
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description);
}
