using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Search.Lucene;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search;

/// <summary>What `reindex` did: rebuilt here, or queued for the process that owns the index.</summary>
public sealed record ReindexOutcome(RebuildReport? Rebuilt, Guid? QueuedMessageId);
