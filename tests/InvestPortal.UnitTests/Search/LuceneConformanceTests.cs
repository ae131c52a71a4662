using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using InvestPortal.Testing;

namespace InvestPortal.UnitTests.Search;

public sealed class LuceneConformanceTests : SearchEngineConformanceTests
{
    private string? _folder;

    protected override Task<ISearchEngine> CreateEngineAsync(SearchSemantics semantics)
    {
        _folder = TestPaths.NewTempFolder("lucene-conf");
        return Task.FromResult<ISearchEngine>(new LuceneSearchEngine(_folder, semantics));
    }

    protected override Task DisposeEngineAsync(ISearchEngine engine)
    {
        ((LuceneSearchEngine)engine).Dispose();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
