using InvestPortal.Data.Import;
using InvestPortal.Search;

namespace InvestPortal.Web.Commands;

public static class ImportCommand
{
    /// <summary>import FILE: all-or-nothing; every bad line is listed with its number.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1) throw new CommandException("usage: import FILE (JSON Lines, one opportunity or investor profile a line)");
        var path = args[0];
        if (!File.Exists(path)) throw new CommandException($"file not found: {path}");
        // Streamed (validated in a first pass, written in a second): memory does not grow with the file.
        var result = await services.GetRequiredService<Importer>().ImportFileAsync(path, $"cli:{Environment.UserName}", isDemo: false);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) await error.WriteLineAsync($"{path}: {e}");
            await error.WriteLineAsync($"{result.Errors.Count} error(s); nothing was imported (the file is imported all-or-nothing).");
            return 1;
        }
        await output.WriteLineAsync(
            $"Imported {path}: opportunities {result.OpportunitiesCreated} created, {result.OpportunitiesUpdated} updated; " +
            $"investor profiles {result.InvestorsCreated} created, {result.InvestorsUpdated} updated.");
        if (await services.GetRequiredService<SearchRebuildRouting>().IndexBacklogWithoutServerAsync() is { } report)
            await output.WriteLineAsync($"No server owns the search index: rebuilt it for the import ({report.Opportunities} opportunities, " +
                $"{report.Investors} investor profiles in {report.Elapsed.TotalSeconds:F0} s).");
        return 0;
    }
}
