using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Creates the attributes indexing asks a token stream for without Lucene.NET's default factory, which resolves each
/// attribute interface to its class under a process-wide lock on every call. Anything else goes to the default factory.
/// </summary>
internal sealed class PlainAttributeFactory : AttributeSource.AttributeFactory
{
    public static readonly PlainAttributeFactory Instance = new();

    private PlainAttributeFactory() { }

    public override global::Lucene.Net.Util.Attribute CreateAttributeInstance<T>()
    {
        var type = typeof(T);
        if (type == typeof(ICharTermAttribute) || type == typeof(ITermToBytesRefAttribute)) return new CharTermAttribute();
        if (type == typeof(IOffsetAttribute)) return new OffsetAttribute();
        if (type == typeof(IPositionIncrementAttribute)) return new PositionIncrementAttribute();
        if (type == typeof(IPositionLengthAttribute)) return new PositionLengthAttribute();
        if (type == typeof(ITypeAttribute)) return new TypeAttribute();
        if (type == typeof(IPayloadAttribute)) return new PayloadAttribute();
        if (type == typeof(NumericTokenStream.INumericTermAttribute)) return new NumericTokenStream.NumericTermAttribute();
        return DEFAULT_ATTRIBUTE_FACTORY.CreateAttributeInstance<T>();
    }
}
