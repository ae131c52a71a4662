using System.Text.Json;

namespace InvestPortal.BrowserTests.PageChecks;

public sealed record LighthouseResult(string Url, IReadOnlyDictionary<string, int> Scores, IReadOnlyList<string> Lost, IReadOnlyList<string> External, string? RuntimeError);

/// <summary>Lighthouse 12.2.3 (tests/tools) with the machine's Chromium, several pages in one Node process and one browser.</summary>
public static class Lighthouse
{
    public static readonly string[] Categories = ["performance", "accessibility", "best-practices", "seo"];

    /// <summary>
    /// Checks each URL ("mobile:" and "signed-in:" prefixes as in tests/tools/lighthouse-pages.mjs); signed-in pages
    /// are requested with <paramref name="cookie"/> as the Cookie header.
    /// </summary>
    public static async Task<IReadOnlyList<LighthouseResult>> RunAsync(IReadOnlyList<string> urls, string? cookie = null)
    {
        _ = PageTools.LighthousePackage;
        var env = new Dictionary<string, string> { ["CHROME_PATH"] = PageTools.Chromium };
        if (cookie is not null) env["LIGHTHOUSE_COOKIE"] = cookie;
        var (exit, stdout, stderr) = await PageTools.RunAsync(PageTools.Node, [PageTools.LighthouseScript, .. urls],
            TimeSpan.FromSeconds(60 + 45 * urls.Count), env);
        if (exit != 0) throw new InvalidOperationException($"Lighthouse exited with {exit}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.EnumerateArray().Select(r => new LighthouseResult(
            r.GetProperty("url").GetString()!,
            r.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            r.GetProperty("lost").EnumerateArray().Select(e => e.GetString()!).ToList(),
            r.GetProperty("external").EnumerateArray().Select(e => e.GetString()!).ToList(),
            r.GetProperty("runtimeError").GetString())).ToList();
    }
}
