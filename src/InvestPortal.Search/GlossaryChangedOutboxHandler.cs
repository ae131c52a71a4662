using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

/// <summary>
/// Carries out <see cref="GlossaryAdmin.OutboxKind"/> messages: reloads the glossary in this process, then rebuilds the
/// index so every document carries the concepts of the new glossary. Other nodes pick up the glossary by polling
/// (GlossaryRefresher). Several edits in a row cost one rebuild: a message whose glossary version was already
/// rebuilt here is done.
/// </summary>
public sealed class GlossaryChangedOutboxHandler(GlossaryStore store, ILogger<GlossaryChangedOutboxHandler> log) : IOutboxHandler
{
    public string Kind => GlossaryAdmin.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var change = message.ReadPayload<GlossaryChange>();
        await store.ReloadAsync(cancellationToken);
        var report = await store.RebuildIndexIfStaleAsync(cancellationToken);
        if (report is null)
        {
            log.LogInformation("Glossary {Action} of {Concept}: the index was already rebuilt for this glossary.", change.Action, change.ConceptId);
            return;
        }
        log.LogInformation("Glossary {Action} of {Concept}: index rebuilt ({Opportunities} opportunities, {Investors} investors) in {Elapsed}.",
            change.Action, change.ConceptId, report.Opportunities, report.Investors, report.Elapsed);
    }
}
