using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>Core index documents → Lucene documents (see README for the field layout).</summary>
internal static class LuceneDocuments
{
    public static Term OpportunityKey(Guid id) => new(LuceneFields.Uid, "o:" + id.ToString("N"));
    public static Term InvestorKey(Guid id) => new(LuceneFields.Uid, "i:" + id.ToString("N"));

    public static Document From(OpportunityDocument o)
    {
        var doc = Common(OpportunityKey(o.Id), LuceneFields.OpportunityType, o.Id, o.ExternalRef, o.OriginalCulture,
            MatchFactsCodec.Encode(o));
        foreach (var (culture, text) in o.Texts)
        {
            AddText(doc, "title", culture, text.Title, indexed: true);
            AddText(doc, "summary", culture, text.Summary, indexed: false);
            AddText(doc, "description", culture, text.Description, indexed: false);
        }
        foreach (var culture in Cultures.All) doc.Add(new TextField(LuceneFields.All(culture), o.AllText(culture), Field.Store.NO));
        AddCodes(doc, LuceneFields.Concept, o.Concepts);
        AddCode(doc, LuceneFields.Sector, FacetGroups.Sector, [o.Sector]);
        AddCode(doc, LuceneFields.Location, null, [o.Location]);
        AddFacet(doc, FacetGroups.Location, o.LocationPath);
        AddCode(doc, LuceneFields.PartnerRegion, FacetGroups.PartnerRegion, o.PartnerRegion is null ? [] : [o.PartnerRegion]);
        AddCode(doc, LuceneFields.Mode, FacetGroups.Mode, o.Modes);
        AddCode(doc, LuceneFields.Stage, FacetGroups.Stage, o.Stage is null ? [] : [o.Stage]);
        AddCode(doc, LuceneFields.CrossingBand, FacetGroups.CrossingDistance, o.CrossingBands);
        AddCode(doc, LuceneFields.Crossing, FacetGroups.Crossing, o.NearbyCrossings);
        AddCode(doc, LuceneFields.CrossingKey, null, o.CrossingBandKeys);
        if (o.AmountCny is { } amount) doc.Add(AmountField((double)amount));
        doc.Add(new DoubleDocValuesField(LuceneFields.AmountSort, (double)(o.AmountCny ?? 0)));
        doc.Add(new NumericDocValuesField(LuceneFields.Date, o.PublishedAt.UtcTicks));
        return doc;
    }

    public static Document From(InvestorDocument i)
    {
        var doc = Common(InvestorKey(i.Id), LuceneFields.InvestorType, i.Id, i.ExternalRef, i.OriginalCulture,
            MatchFactsCodec.Encode(i));
        foreach (var (culture, text) in i.Texts)
        {
            AddText(doc, "name", culture, text.Name, indexed: true);
            AddText(doc, "description", culture, text.Description, indexed: false);
        }
        foreach (var culture in Cultures.All) doc.Add(new TextField(LuceneFields.All(culture), i.AllText(culture), Field.Store.NO));
        AddCodes(doc, LuceneFields.Concept, i.Concepts);
        AddCode(doc, LuceneFields.Sector, FacetGroups.Sector, i.Sectors);
        AddCode(doc, LuceneFields.Location, null, i.LocationScope);
        AddFacet(doc, FacetGroups.Location, i.LocationPath);
        AddCode(doc, LuceneFields.Mode, null, i.Modes);
        AddCode(doc, LuceneFields.Kind, FacetGroups.Kind, [i.Kind]);
        AddCode(doc, LuceneFields.Country, FacetGroups.Country, string.IsNullOrEmpty(i.Country) ? [] : [i.Country]);
        doc.Add(new NumericDocValuesField(LuceneFields.Date, i.UpdatedAt.UtcTicks));
        return doc;
    }

    /// <summary>
    /// Match facts of a stored document when its segment has no <see cref="LuceneFields.MatchFacts"/> doc value:
    /// too large for doc values (stored field instead), or an index written before the field existed (<c>_source</c>).
    /// </summary>
    public static byte[]? StoredMatchFacts(Document stored)
    {
        if (stored.GetBinaryValue(LuceneFields.MatchFacts) is { } bytes) return [.. bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)];
        return stored.Get(LuceneFields.Source) is { } json ? System.Text.Encoding.UTF8.GetBytes(json) : null;
    }

    private static Document Common(Term key, string type, Guid id, string externalRef, string original, byte[] matchFacts) =>
    [
        CodesField(key.Field, [key.Text]),
        CodesField(LuceneFields.Type, [type]),
        new StoredField(LuceneFields.Id, id.ToString()),
        new StoredField(LuceneFields.Ref, externalRef),
        new StoredField(LuceneFields.Original, original),
        matchFacts.Length <= MaxDocValueBytes
            ? new BinaryDocValuesField(LuceneFields.MatchFacts, new BytesRef(matchFacts))
            : new StoredField(LuceneFields.MatchFacts, matchFacts),
    ];

    /// <summary>Lucene 4.8 refuses binary doc values longer than this (ByteBlockPool.BYTE_BLOCK_SIZE − 2).</summary>
    private const int MaxDocValueBytes = 32766;

    /// <summary>
    /// A text of the listing in one culture, stored for display and highlighting (which analyzes the stored text again).
    /// Only titles and names are also indexed, for the title boost; every text is searched through <c>all_{culture}</c>,
    /// so indexing summaries and descriptions on their own analyzed most of each listing's words a second time for
    /// nothing any query reads.
    /// </summary>
    private static void AddText(Document doc, string field, string culture, string? text, bool indexed)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var name = LuceneFields.Text(field, culture);
        doc.Add(indexed ? new TextField(name, text, Field.Store.YES) : new StoredField(name, text));
    }

    private static void AddCode(Document doc, string field, string? facetGroup, IEnumerable<string> codes)
    {
        var list = codes.Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        AddCodes(doc, field, list);
        if (facetGroup is not null) AddFacet(doc, facetGroup, list);
    }

    private static void AddCodes(Document doc, string field, IReadOnlyList<string> codes)
    {
        if (codes.Count > 0) doc.Add(CodesField(field, codes));
    }

    /// <summary>Indexed as <c>StringField</c>s would be (each code one term, documents only, no norms), from one <see cref="CodesTokenStream"/>.</summary>
    internal static Field CodesField(string field, IReadOnlyList<string> codes) => new(field, new CodesTokenStream(codes), CodesType);

    private static readonly FieldType CodesType = Frozen(new FieldType(StringField.TYPE_NOT_STORED) { IsTokenized = true });

    /// <summary>
    /// Indexed as a <c>DoubleField</c> would be (the same prefix-coded terms for range queries, documents only, no norms),
    /// from a numeric stream on <see cref="PlainAttributeFactory"/>: a <c>DoubleField</c> makes its stream on the default
    /// factory, and in a profile of the rebuild the indexing threads waited on that factory's global lock for it longer
    /// than for anything else (<c>CodesFieldTests</c> compares the terms).
    /// </summary>
    internal static Field AmountField(double amount) =>
        new(LuceneFields.Amount, new NumericTokenStream(PlainAttributeFactory.Instance, NumericUtils.PRECISION_STEP_DEFAULT).SetDoubleValue(amount), AmountType);

    private static readonly FieldType AmountType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static void AddFacet(Document doc, string group, IEnumerable<string> codes)
    {
        foreach (var code in codes.Where(c => !string.IsNullOrEmpty(c)).Distinct())
            doc.Add(new SortedSetDocValuesField(LuceneFields.Facet(group), new BytesRef(code)));
    }
}
