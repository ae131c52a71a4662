using System.Globalization;
using InvestPortal.Notifications.Email;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Publishing;

/// <summary>The texts of one language; all optional except the title of the original language.</summary>
public sealed class TextFields
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    /// <summary>Where a translation came from; ignored for the original language, which is always the original.</summary>
    public TranslationProvenance Provenance { get; set; } = TranslationProvenance.Owner;
    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Description);
}
