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

    [Fact]
    public void Amounts_index_the_terms_and_field_options_double_fields_would()
    {
        double[] amounts = [0, 1_500_000, 2.5e9, 1_500_000, 73.25];
        DirectoryReader IndexAmounts(Func<double, Field> field)
        {
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer())))
                foreach (var amount in amounts) writer.AddDocument([new StoredField("id", 0), field(amount)]);
            return DirectoryReader.Open(directory);
        }
        using var byDoubleFields = IndexAmounts(a => new DoubleField(LuceneFields.Amount, a, Field.Store.NO));
        using var byAmountField = IndexAmounts(LuceneDocuments.AmountField);

        Assert.Equal(Postings(byDoubleFields, LuceneFields.Amount, hex: true), Postings(byAmountField, LuceneFields.Amount, hex: true));
        var info = MultiFields.GetMergedFieldInfos(byAmountField).FieldInfo(LuceneFields.Amount)!;
        Assert.Equal(IndexOptions.DOCS_ONLY, info.IndexOptions);
        Assert.True(info.OmitsNorms);
        var range = Lucene.Net.Search.NumericRangeQuery.NewDoubleRange(LuceneFields.Amount, 1_000_000d, 3e9, true, true);
        Assert.Equal(3, new Lucene.Net.Search.IndexSearcher(byAmountField).Search(range, 10).TotalHits);
    }

    private static DirectoryReader Index(Func<string[], IEnumerable<Field>> fields)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer())))
            foreach (var codes in Documents)
                writer.AddDocument([new StoredField("id", 0), .. fields(codes)]);
        return DirectoryReader.Open(directory);
    }

    /// <summary>"term:doc,doc" for every term of the field, with the term's frequency in the documents left out (documents only).</summary>
    private static List<string> Postings(DirectoryReader reader, string field = "f", bool hex = false)
    {
        var result = new List<string>();
        var terms = MultiFields.GetTerms(reader, field).GetEnumerator();
        while (terms.MoveNext())
        {
            var docs = new List<int>();
            var postings = terms.Docs(null, null, DocsFlags.NONE);
            int doc;
            while ((doc = postings.NextDoc()) != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS) docs.Add(doc);
            var term = hex ? Convert.ToHexString(terms.Term.Bytes, terms.Term.Offset, terms.Term.Length) : terms.Term.Utf8ToString();
            result.Add($"{term}:{string.Join(",", docs)}");
        }
        return result;
    }
}
