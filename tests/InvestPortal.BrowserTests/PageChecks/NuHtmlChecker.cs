using System.Text.Json;

namespace InvestPortal.BrowserTests.PageChecks;

/// <summary>
/// The Nu HTML Checker (vnu.jar) over the server-rendered HTML of many pages in ONE Java process:
/// starting the JVM costs more than checking forty pages.
/// </summary>
public static class NuHtmlChecker
{
    /// <summary>Errors per page name (pages without errors are absent).</summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> CheckAsync(IReadOnlyDictionary<string, string> htmlByName)
    {
        var folder = PageTools.OutputFolder(Path.Combine("html", DateTime.UtcNow.ToString("HHmmss") + "-" + Guid.NewGuid().ToString("N")[..6]));
        var files = new List<string>();
        foreach (var (name, html) in htmlByName)
        {
            var file = Path.Combine(folder, name + ".html");
            await File.WriteAllTextAsync(file, html);
            files.Add(file);
        }
        var (_, _, stderr) = await PageTools.RunAsync(PageTools.Java,
            ["-Xss4m", "-jar", PageTools.VnuJar, "--errors-only", "--format", "json", "--exit-zero-always", .. files],
            TimeSpan.FromMinutes(3));
        var errors = new Dictionary<string, List<string>>();
        using var report = JsonDocument.Parse(stderr);
        foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            // Each file is named after its page; vnu reports "file:/…" URLs, which System.Uri does not parse.
            var name = url.Length == 0 ? "(no file)" : Uri.UnescapeDataString(Path.GetFileNameWithoutExtension(url));
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var text = $"line {line}: {message.GetProperty("message").GetString()}";
            if (message.TryGetProperty("extract", out var extract)) text += $" «{extract.GetString()}»";
            (errors.TryGetValue(name, out var list) ? list : errors[name] = []).Add(text);
        }
        return errors;
    }
}
