using System.Diagnostics;
using InvestPortal.Testing;

namespace InvestPortal.BrowserTests.PageChecks;

/// <summary>
/// The npm checkers in tests/tools (installed by `npm ci` there; .ci/run does it) and the machine's Java and Node.
/// A missing tool fails the test with the command that installs it: the page checks never skip.
/// </summary>
public static class PageTools
{
    public static string ToolsFolder { get; } = Environment.GetEnvironmentVariable("INVESTPORTAL_TOOLS")
        ?? Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "tests", "tools");

    public static string VnuJar => Require(Path.Combine(ToolsFolder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"), "cd tests/tools && npm ci");
    public static string LighthouseScript => Require(Path.Combine(ToolsFolder, "lighthouse-pages.mjs"), "the script is in the repository");
    public static string LighthousePackage => Require(Path.Combine(ToolsFolder, "node_modules", "lighthouse", "package.json"), "cd tests/tools && npm ci");
    public static string Java => Require(Environment.GetEnvironmentVariable("INVESTPORTAL_JAVA") ?? "/usr/bin/java", "apt-get install default-jre-headless");
    public static string Node => Require(Environment.GetEnvironmentVariable("INVESTPORTAL_NODE") ?? OnPath("node") ?? "/usr/bin/node", "install Node.js 20");
    public static string Chromium => Require(Environment.GetEnvironmentVariable("INVESTPORTAL_CHROMIUM") ?? "/usr/bin/chromium", "apt-get install chromium");

    /// <summary>Screenshots, HTML and checker reports of failed checks: kept as CI artifacts.</summary>
    public static string OutputFolder(string name)
    {
        var dir = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "tests", "InvestPortal.BrowserTests", "TestResults", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ToolsFolder };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout}: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string Require(string path, string install) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"Page-check tool missing: {path}. Install it: {install}.", path);

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
