using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The <c>_match</c> doc value: what <see cref="MatchScorer"/> and ranking read of a document (the Core document without
/// texts, labels and tags) in a compact binary form. A first-time match reads its 500 candidates' facts; as JSON that was
/// most of a match (about 2 KiB allocated and tens of microseconds per candidate), read field by field it is a few
/// microseconds, and the codes every document repeats (sectors, locations, modes, concepts, crossings) come from one
/// shared pool instead of a new string each, which also keeps <see cref="MatchFactsCache{T}"/> small.
/// <para>
/// Layout: a kind byte (<see cref="OpportunityKind"/> or <see cref="InvestorKind"/>), then the properties in the order of
/// <see cref="Encode(OpportunityDocument)"/> / <see cref="Encode(InvestorDocument)"/>. Strings are a 7-bit length + 1
/// (0 for null) and UTF-8; lists a 7-bit count and their strings; decimals <see cref="decimal.GetBits(decimal)"/>;
/// nullable values a presence byte first. Segments written before this form hold JSON (it starts with <c>{</c>), and
/// an index written before the doc value existed gives its <c>_source</c> JSON: both are still read.
/// </para>
/// </summary>
internal static class MatchFactsCodec
{
    private const byte OpportunityKind = 1;
    private const byte InvestorKind = 2;

    public static byte[] Encode(OpportunityDocument o)
    {
        var w = new Writer();
        w.Byte(OpportunityKind);
        w.Guid(o.Id);
        w.String(o.ExternalRef);
        w.String(o.Slug);
        w.String(o.OriginalCulture);
        w.String(o.Sector);
        w.String(o.Location);
        w.List(o.LocationPath);
        w.String(o.PartnerRegion);
        w.List(o.Modes);
        w.String(o.Stage);
        w.Decimal(o.Amount);
        w.String(o.Currency);
        w.Decimal(o.AmountCny);
        w.Decimal(o.MinTicketCny);
        w.Date(o.PublishedAt);
        w.List(o.Concepts);
        w.Bool(o.IsDemo);
        w.Point(o.Position);
        w.Double(o.NearestCrossingKm);
        w.List(o.CrossingBands);
        w.List(o.NearbyCrossings);
        w.List(o.CrossingBandKeys);
        return w.ToArray();
    }

    public static byte[] Encode(InvestorDocument i)
    {
        var w = new Writer();
        w.Byte(InvestorKind);
        w.Guid(i.Id);
        w.String(i.ExternalRef);
        w.String(i.Slug);
        w.String(i.OriginalCulture);
        w.String(i.Kind);
        w.String(i.Country);
        w.String(i.HomeRegion);
        w.List(i.Languages);
        w.List(i.Sectors);
        w.List(i.Locations);
        w.List(i.LocationPath);
        w.List(i.LocationScope);
        w.List(i.Modes);
        w.Decimal(i.TicketMinCny);
        w.Decimal(i.TicketMaxCny);
        w.List(i.Concepts);
        w.Date(i.UpdatedAt);
        w.Bool(i.IsDemo);
        return w.ToArray();
    }

    public static OpportunityDocument? ReadOpportunity(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return null;
        if (bytes[0] != OpportunityKind) return JsonSerializer.Deserialize(bytes, MatchFactsJson.Default.OpportunityDocument);
        var r = new Reader(bytes[1..]);
        return new OpportunityDocument
        {
            Id = r.Guid(),
            ExternalRef = r.String()!,
            Slug = r.String()!,
            OriginalCulture = r.Code()!,
            Sector = r.Code()!,
            Location = r.Code()!,
            LocationPath = r.List(),
            PartnerRegion = r.Code(),
            Modes = r.List(),
            Stage = r.Code(),
            Amount = r.Decimal() ?? 0,
            Currency = r.Code()!,
            AmountCny = r.Decimal(),
            MinTicketCny = r.Decimal(),
            PublishedAt = r.Date(),
            Concepts = r.List(),
            IsDemo = r.Bool(),
            Position = r.Point(),
            NearestCrossingKm = r.Double(),
            CrossingBands = r.List(),
            NearbyCrossings = r.List(),
            CrossingBandKeys = r.List(),
        };
    }

    public static InvestorDocument? ReadInvestor(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return null;
        if (bytes[0] != InvestorKind) return JsonSerializer.Deserialize(bytes, MatchFactsJson.Default.InvestorDocument);
        var r = new Reader(bytes[1..]);
        return new InvestorDocument
        {
            Id = r.Guid(),
            ExternalRef = r.String()!,
            Slug = r.String()!,
            OriginalCulture = r.Code()!,
            Kind = r.Code()!,
            Country = r.Code()!,
            HomeRegion = r.Code(),
            Languages = r.List(),
            Sectors = r.List(),
            Locations = r.List(),
            LocationPath = r.List(),
            LocationScope = r.List(),
            Modes = r.List(),
            TicketMinCny = r.Decimal(),
            TicketMaxCny = r.Decimal(),
            Concepts = r.List(),
            UpdatedAt = r.Date(),
            IsDemo = r.Bool(),
        };
    }

    private sealed class Writer
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);

        public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

        public void Byte(byte value)
        {
            _buffer.GetSpan(1)[0] = value;
            _buffer.Advance(1);
        }

        public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

        public void Guid(Guid value)
        {
            value.TryWriteBytes(_buffer.GetSpan(16));
            _buffer.Advance(16);
        }

        public void Length(int value)
        {
            var v = (uint)value;
            while (v >= 0x80)
            {
                Byte((byte)(v | 0x80));
                v >>= 7;
            }
            Byte((byte)v);
        }

        public void String(string? value)
        {
            if (value is null)
            {
                Length(0);
                return;
            }
            var count = Encoding.UTF8.GetByteCount(value);
            Length(count + 1);
            Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count));
            _buffer.Advance(count);
        }

        public void List(IReadOnlyList<string> values)
        {
            Length(values.Count);
            foreach (var value in values) String(value);
        }

        public void Decimal(decimal? value)
        {
            Bool(value.HasValue);
            if (value is not { } d) return;
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(d, bits);
            var span = _buffer.GetSpan(16);
            for (var k = 0; k < 4; k++) BinaryPrimitives.WriteInt32LittleEndian(span[(4 * k)..], bits[k]);
            _buffer.Advance(16);
        }

        public void Double(double? value)
        {
            Bool(value.HasValue);
            if (value is not { } d) return;
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), d);
            _buffer.Advance(8);
        }

        public void Point(GeoPoint? value)
        {
            Bool(value.HasValue);
            if (value is not { } p) return;
            Double(p.Latitude);
            Double(p.Longitude);
        }

        public void Date(DateTimeOffset value)
        {
            var span = _buffer.GetSpan(10);
            BinaryPrimitives.WriteInt64LittleEndian(span, value.Ticks);
            BinaryPrimitives.WriteInt16LittleEndian(span[8..], (short)value.Offset.TotalMinutes);
            _buffer.Advance(10);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        private ReadOnlySpan<byte> Take(int count)
        {
            var taken = _rest[..count];
            _rest = _rest[count..];
            return taken;
        }

        public bool Bool() => Take(1)[0] != 0;

        public Guid Guid() => new(Take(16));

        private int Length()
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = Take(1)[0];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) return checked((int)value);
            }
        }

        /// <summary>A string that is unique to the document (a ref, a slug).</summary>
        public string? String()
        {
            var length = Length();
            return length == 0 ? null : Encoding.UTF8.GetString(Take(length - 1));
        }

        /// <summary>A code from a small closed set: the pooled instance.</summary>
        public string? Code()
        {
            var length = Length();
            return length == 0 ? null : CodePool.Get(Take(length - 1));
        }

        public IReadOnlyList<string> List()
        {
            var count = Length();
            if (count == 0) return [];
            var values = new string[count];
            for (var k = 0; k < count; k++) values[k] = Code()!;
            return values;
        }

        public decimal? Decimal()
        {
            if (!Bool()) return null;
            var span = Take(16);
            Span<int> bits = stackalloc int[4];
            for (var k = 0; k < 4; k++) bits[k] = BinaryPrimitives.ReadInt32LittleEndian(span[(4 * k)..]);
            return new decimal(bits);
        }

        public double? Double() => Bool() ? BinaryPrimitives.ReadDoubleLittleEndian(Take(8)) : null;

        public GeoPoint? Point() => Bool() ? new GeoPoint(Double()!.Value, Double()!.Value) : null;

        public DateTimeOffset Date()
        {
            var span = Take(10);
            return new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(span), TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(span[8..])));
        }
    }

    /// <summary>
    /// One string instance per code. Codes come from the taxonomy, the glossary and the crossings (a few thousand), so
    /// the pool stops growing at <see cref="MaxCodes"/>: past that, a code is read as a new string, as before.
    /// </summary>
    private static class CodePool
    {
        private const int MaxCodes = 50_000;
        private const int MaxCodeChars = 128;
        private static readonly ConcurrentDictionary<string, string> Codes = new(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Codes.GetAlternateLookup<ReadOnlySpan<char>>();

        public static string Get(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > MaxCodeChars) return Encoding.UTF8.GetString(utf8);
            Span<char> chars = stackalloc char[MaxCodeChars];
            var written = Encoding.UTF8.GetChars(utf8, chars);
            var key = chars[..written];
            if (ByChars.TryGetValue(key, out var pooled)) return pooled;
            var value = new string(key);
            return Codes.Count < MaxCodes ? Codes.GetOrAdd(value, value) : value;
        }
    }
}
