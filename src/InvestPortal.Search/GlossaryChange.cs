using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

/// <summary>Payload of a <see cref="GlossaryAdmin.OutboxKind"/> message: which concept changed and how (for the log; the handler rebuilds everything).</summary>
public sealed record GlossaryChange(string ConceptId, string Action);
