using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.Extensions.Logging.Console;

namespace InvestPortal.Web.Commands;

/// <summary>
/// The executable's commands besides serving (DOMAIN.md "Public contracts"). Each prints its result alone on stdout
/// (logs go to stderr, so `matches … | jq` works) and, on bad input or an expected failure, one clear line on stderr
/// and a non-zero exit code, so scripts and CI can rely on it.
/// </summary>
public static class PortalCommands
{
    private sealed record Command(Func<IServiceProvider, string[], TextWriter, TextWriter, Task<int>> Run, string Usage, bool ReadOnlySearch = false,
        bool Migrates = true);

    private static readonly Dictionary<string, Command> Commands = new()
    {
        ["migrate"] = new(MigrateAsync, "migrate                                        bring the database schema up to date"),
        ["import"] = new(ImportCommand.RunAsync, "import FILE                                    import JSON Lines (all or nothing)"),
        ["create-admin"] = new(AccountCommands.CreateAdminAsync, "create-admin EMAIL                             provision an admin, print a one-time password"),
        ["create-user"] = new(AccountCommands.CreateUserAsync, "create-user EMAIL ROLE [--organization NAME]   provision a user, print a one-time password"),
        ["reindex"] = new(SearchCommands.ReindexAsync, "reindex                                        rebuild the search index from the database"),
        // Reads the index only: opened read-only, so it also runs while the portal owns the index.
        ["matches"] = new(SearchCommands.MatchesAsync, "matches investor|opportunity REF [--top N]     ranked matches as JSON", ReadOnlySearch: true),
        // Neither touches the schema: a backup copies the running portal's database as it is, and a restore must find
        // its data folder as the operator left it (migrating first would create a database there).
        ["backup"] = new(BackupCommands.BackupAsync, "backup DIR                                     copy the database, uploads and a manifest while the portal runs", Migrates: false),
        ["restore"] = new(BackupCommands.RestoreAsync, "restore DIR [--force]                          check a backup and put it into an empty DataPath", Migrates: false),
        ["help"] = new(HelpAsync, "help                                           this list"),
    };

    /// <summary>
    /// Whether the arguments name a command (known or not). No arguments, or ASP.NET host options first
    /// (<c>--urls …</c>, <c>--environment=…</c>, <c>urls=…</c>, <c>/contentRoot …</c>), start the web server.
    /// </summary>
    public static bool IsCommandLine(string[] args) =>
        args.Length > 0 && args[0].Length > 0 && args[0][0] is not ('-' or '/') && !args[0].Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// Called before the services are built. For a command line: console logs go to stderr, and a read-only command
    /// opens the search index read-only. Returns whether to run a command instead of serving.
    /// </summary>
    public static bool Prepare(IHostApplicationBuilder builder, string[] args)
    {
        if (!IsCommandLine(args)) return false;
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (Commands.TryGetValue(args[0], out var command) && command.ReadOnlySearch)
            builder.Configuration.AddInMemoryCollection([new("Search:ReadOnly", "true")]);
        return true;
    }

    public static async Task<int> RunAsync(IServiceProvider rootServices, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var command))
        {
            await error.WriteLineAsync(args.Length == 0 ? "no command given." : $"unknown command '{args[0]}'.");
            await error.WriteLineAsync(Usage());
            return 2;
        }
        await using var scope = rootServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            if (command.Migrates && args[0] is not ("migrate" or "help")) await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            return await command.Run(services, args[1..], output, error);
        }
        catch (CommandException ex)
        {
            await error.WriteLineAsync($"{args[0]}: {ex.Message}");
            return 2;
        }
        catch (SearchUnavailableException ex)
        {
            await error.WriteLineAsync($"{args[0]}: search is unavailable: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything else (database down, disk full…) is still one line: the stack trace helps no operator reading it.
            await error.WriteLineAsync($"{args[0]} failed: {ex.GetBaseException().Message} ({ex.GetBaseException().GetType().Name})");
            return 1;
        }
    }

    private static string Usage() =>
        "usage: InvestPortal.Web COMMAND [ARGUMENTS]   (without a command it serves the portal; options such as --urls go to the server)\n" +
        "commands:\n" + string.Join("\n", Commands.Values.Select(c => "  " + c.Usage));

    private static async Task<int> HelpAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await output.WriteLineAsync(Usage());
        return 0;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await output.WriteLineAsync("Database is up to date.");
        return 0;
    }
}
