using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Administration;

/// <summary>Payload of a <see cref="TaxonomyLabelAdmin.OutboxKind"/> message (for the log: the handler reloads everything).</summary>
public sealed record TaxonomyLabelChange(string Kind, string Code);
