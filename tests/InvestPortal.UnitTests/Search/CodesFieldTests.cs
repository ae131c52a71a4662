using InvestPortal.Search.Lucene;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// Keyword fields (concepts, sectors, modes, crossings, the uid) are indexed from one <see cref="CodesTokenStream"/> per
/// field instead of a <c>StringField</c> per code: the index must be the same — the same terms with the same documents,
/// documents only, no norms — so filters, candidates and deletes by uid find what they found, and segments written
/// either way merge.
/// </summary>
public sealed class CodesFieldTests
{
    private static readonly string[][] Documents =
    [
        ["forestry", "timber", "木材加工", "suifenhe-rail:50"],
        ["agriculture"],
        ["timber", "timber", "лесозаготовка", "a b c", "x:1"],
        [],
    ];

    [Fact]
    public void Codes_index_the_terms_and_field_options_string_fields_would()
    {
        using var byStringFields = Index(codes => codes.Select(c => (Field)new StringField("f", c, Field.Store.NO)));
        using var byCodesStream = Index(codes => codes.Length == 0 ? [] : [LuceneDocuments.CodesField("f", codes)]);

        Assert.Equal(Postings(byStringFields), Postings(byCodesStream));
        Assert.Contains(Postings(byCodesStream), p => p == "timber:0,2");
        var info = MultiFields.GetMergedFieldInfos(byCodesStream).FieldInfo("f")!;
        var reference = MultiFields.GetMergedFieldInfos(byStringFields).FieldInfo("f")!;
        Assert.Equal(reference.IndexOptions, info.IndexOptions);
        Assert.Equal(IndexOptions.DOCS_ONLY, info.IndexOptions);
        Assert.True(info.OmitsNorms);
        Assert.False(info.HasPayloads);
    }

    [Fact]
    public void Many_threads_index_codes_at_once()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer())))
            Parallel.For(0, 2_000, i => writer.AddDocument([LuceneDocuments.CodesField("f", [$"c{i % 50}", $"d{i}"])]));
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(2_000, reader.NumDocs);
        Assert.Equal(40, reader.DocFreq(new Term("f", "c7")));
        Assert.Equal(1, reader.DocFreq(new Term("f", "d1999")));
    }

    private static DirectoryReader Index(Func<string[], IEnumerable<Field>> fields)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer())))
            foreach (var codes in Documents)
                writer.AddDocument([new StoredField("id", 0), .. fields(codes)]);
        return DirectoryReader.Open(directory);
    }

    /// <summary>"term:doc,doc" for every term of field f, with the term's frequency in the documents left out (documents only).</summary>
    private static List<string> Postings(DirectoryReader reader)
    {
        var result = new List<string>();
        var terms = MultiFields.GetTerms(reader, "f").GetEnumerator();
        while (terms.MoveNext())
        {
            var docs = new List<int>();
            var postings = terms.Docs(null, null, DocsFlags.NONE);
            int doc;
            while ((doc = postings.NextDoc()) != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS) docs.Add(doc);
            result.Add($"{terms.Term.Utf8ToString()}:{string.Join(",", docs)}");
        }
        return result;
    }
}
