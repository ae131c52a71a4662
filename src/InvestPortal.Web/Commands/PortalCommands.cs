using InvestPortal.Data;

namespace InvestPortal.Web.Commands;

/// <summary>
/// The executable's commands besides serving (DOMAIN.md "Public contracts"). Each prints a clear
/// message and exits non-zero on bad input, so scripts and CI can rely on the exit code.
/// </summary>
public static class PortalCommands
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], TextWriter, TextWriter, Task<int>>> Commands = new()
    {
        ["migrate"] = MigrateAsync,
        ["import"] = ImportCommand.RunAsync,
        ["create-admin"] = AccountCommands.CreateAdminAsync,
        ["create-user"] = AccountCommands.CreateUserAsync,
        ["reindex"] = SearchCommands.ReindexAsync,
        ["matches"] = SearchCommands.MatchesAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static async Task<int> RunAsync(IServiceProvider rootServices, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        await using var scope = rootServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            if (args[0] != "migrate") await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            return await Commands[args[0]](services, args[1..], output, error);
        }
        catch (CommandException ex)
        {
            await error.WriteLineAsync($"{args[0]}: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await output.WriteLineAsync("Database is up to date.");
        return 0;
    }
}

/// <summary>Bad command-line input: the message is shown as it is, with exit code 2.</summary>
public sealed class CommandException(string message) : Exception(message);
