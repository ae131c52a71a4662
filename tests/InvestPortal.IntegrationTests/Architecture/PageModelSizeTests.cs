using InvestPortal.Testing;

namespace InvestPortal.IntegrationTests.Architecture;

/// <summary>
/// A PageModel binds input, calls one feature service and maps its outcome to the page, which fits on a screen or
/// two. One that grows past the limit is holding rules that belong in its feature folder (see the Web README).
/// </summary>
public class PageModelSizeTests
{
    public const int MaxLines = 90;

    [Fact]
    public void No_page_model_is_longer_than_the_limit()
    {
        var pages = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "src", "InvestPortal.Web", "Pages");
        var tooLong = Directory.EnumerateFiles(pages, "*.cshtml.cs", SearchOption.AllDirectories)
            .Select(file => (File: Path.GetRelativePath(pages, file), Lines: File.ReadLines(file).Count()))
            .Where(page => page.Lines > MaxLines)
            .Select(page => $"{page.File} ({page.Lines} lines)")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Page models over {MaxLines} lines; move their rules into a feature service: " + string.Join(", ", tooLong));
    }
}
