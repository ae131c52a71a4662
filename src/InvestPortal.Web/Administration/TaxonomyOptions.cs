using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Administration;

/// <summary>Section "Taxonomy".</summary>
public sealed class TaxonomyOptions
{
    public const string Section = "Taxonomy";

    /// <summary>How often a node checks the database for label edits made on another node; zero turns polling off.</summary>
    public TimeSpan LabelRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
