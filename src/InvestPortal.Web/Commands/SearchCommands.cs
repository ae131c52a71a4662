using System.Text.Json;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using InvestPortal.Search;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Commands;

public static class SearchCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// reindex: rebuilds the search index from the database; searches keep working until the swap. When a running
    /// server owns the Lucene index, the rebuild is queued for that server instead (see SearchRebuildRouting).
    /// </summary>
    public static async Task<int> ReindexAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 0) throw new CommandException("usage: reindex");
        var outcome = await services.GetRequiredService<SearchRebuildRouting>().ReindexAsync($"reindex command (pid {Environment.ProcessId})");
        if (outcome.Rebuilt is { } report) await output.WriteLineAsync($"Rebuilt the search index: {report}");
        else await output.WriteLineAsync($"A running server owns the search index; queued the rebuild for it (outbox message {outcome.QueuedMessageId}). " +
            "It runs when that server's outbox dispatcher picks it up; /health shows the index counts.");
        return 0;
    }

    /// <summary>matches investor REF [--top N] | matches opportunity REF [--top N]: ranked matches as JSON.</summary>
    public static async Task<int> MatchesAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var top = 10;
        if (args.Length == 4 && args[2] == "--top")
        {
            if (!int.TryParse(args[3], out top) || top is < 1 or > 100) throw new CommandException("--top takes a number from 1 to 100.");
        }
        else if (args.Length != 2) throw new CommandException("usage: matches investor REF [--top N] | matches opportunity REF [--top N]");

        var db = services.GetRequiredService<PortalDbContext>();
        var engine = services.GetRequiredService<ISearchEngine>();
        var builder = services.GetRequiredService<SearchDocumentBuilder>();
        IReadOnlyList<MatchResult> matches;
        switch (args[0])
        {
            case "investor":
                var profile = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.ExternalRef == args[1])
                    ?? throw new CommandException($"no investor profile with externalRef '{args[1]}'.");
                matches = await engine.MatchOpportunitiesForInvestorAsync(builder.ForMatching(profile), top);
                break;
            case "opportunity":
                var opportunity = await db.Opportunities.AsNoTracking().Include(o => o.Translations).FirstOrDefaultAsync(o => o.ExternalRef == args[1])
                    ?? throw new CommandException($"no opportunity with externalRef '{args[1]}'.");
                matches = await engine.MatchInvestorsForOpportunityAsync(builder.ForMatching(opportunity), top);
                break;
            default:
                throw new CommandException($"'{args[0]}' is neither 'investor' nor 'opportunity'.");
        }
        var rows = matches.Select(m => new { m.ExternalRef, m.Score, Reasons = m.Reasons.Select(r => r.ToString()).ToList() });
        await output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
        return 0;
    }
}
