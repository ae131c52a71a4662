using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Search.Lucene;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search;

/// <summary>Payload of a <see cref="SearchRebuildRouting.OutboxKind"/> message: who asked for a rebuild and when.</summary>
public sealed record SearchRebuildRequest(DateTimeOffset RequestedAt, string RequestedBy);
