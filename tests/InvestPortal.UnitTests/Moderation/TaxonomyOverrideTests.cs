using InvestPortal.Core.Taxonomy;
using InvestPortal.Testing;

using Xunit;

namespace InvestPortal.UnitTests.Moderation;

public sealed class TaxonomyOverrideTests
{
    [Fact]
    public void Overrides_replace_labels_and_an_empty_set_restores_the_file()
    {
        var taxonomy = PortalTaxonomy.Load(Path.Combine(TestPaths.Content, "taxonomy.json"));
        var code = taxonomy.Sectors[0].Code;
        var fileZh = taxonomy.Sectors[0].Label("zh");
        var fileRu = taxonomy.Sectors[0].Label("ru");

        taxonomy.ApplyOverrides([("sector", code, "ru", "Новое название"), ("sector", "no-such-code", "ru", "x"), ("planet", code, "ru", "y")]);
        Assert.Equal("Новое название", taxonomy.Sector(code)!.Label("ru"));
        Assert.Equal(fileZh, taxonomy.Sector(code)!.Label("zh"));
        Assert.Equal(fileRu, taxonomy.FileLabel("sectors", code, "ru"));

        taxonomy.ApplyOverrides([]);
        Assert.Equal(fileRu, taxonomy.Sector(code)!.Label("ru"));
    }
}
