namespace InvestPortal.Testing;

public static class TestPaths
{
    /// <summary>The repository's content/ folder.</summary>
    public static string Content { get; } = Find("content/taxonomy.json", "content");

    /// <summary>A fresh, empty temporary folder (a DataPath for one test host).</summary>
    public static string NewTempFolder(string prefix = "investportal")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Find(string marker, string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, marker))) return Path.Combine(dir.FullName, folder);
        throw new DirectoryNotFoundException($"{marker} not found above {AppContext.BaseDirectory}");
    }
}
