namespace InvestPortal.Data;

/// <summary>Resolved absolute folders, computed once from <see cref="StorageOptions"/>.</summary>
public sealed class PortalPaths
{
    public PortalPaths(StorageOptions options, string contentRoot)
    {
        DataPath = Path.GetFullPath(options.DataPath, contentRoot);
        Content = string.IsNullOrWhiteSpace(options.ContentPath)
            ? FindContentFolder(contentRoot)
            : Path.GetFullPath(options.ContentPath, contentRoot);
    }

    public string DataPath { get; }
    public string Content { get; }
    public string Database => Path.Combine(DataPath, "investportal.db");
    public string Index => Path.Combine(DataPath, "index");
    public string MailPickup => Path.Combine(DataPath, "mail");
    public string Uploads => Path.Combine(DataPath, "uploads");
    public string Taxonomy => Path.Combine(Content, "taxonomy.json");
    public string BorderCrossings => Path.Combine(Content, "border-crossings.json");
    public string ExchangeRates => Path.Combine(Content, "exchange-rates.json");
    public string Glossary => Path.Combine(Content, "glossary.jsonl");
    public string Demo => Path.Combine(Content, "demo");

    // `dotnet run` starts in src/InvestPortal.Web, tests in bin/…; a container copies content/ next to the app.
    private static string FindContentFolder(string start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (File.Exists(Path.Combine(candidate, "taxonomy.json"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"No content/ folder with taxonomy.json above {start}; set ContentPath.");
    }
}
