using System.Text;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Npgsql;
using NpgsqlTypes;

namespace InvestPortal.Benchmarks.Search;

public enum PgMode
{
    /// <summary>Every word of the query ILIKE '%word%' in one translation's title/summary/description; no index; newest first.</summary>
    Ilike,
    /// <summary>to_tsvector per translation ('english' / 'russian' / 'simple' for zh), GIN index; query = plainto_tsquery in all three OR-ed; ts_rank.</summary>
    FullText,
}

/// <summary>
/// "The obvious alternative a team would pick without a search engine": the same catalogue in two plain PostgreSQL tables
/// (like the EF schema: opportunities + one translation row per culture), searched with ILIKE or with stock full-text
/// search, with the same filters (resolved by Core's <see cref="SearchSemantics"/>, so filter meaning is identical),
/// sorts, paging, total and the five facet groups the web page shows — all in one statement per search.
/// </summary>
public sealed class PostgresAlternative(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public const string Schema = """
        CREATE TABLE opportunities (
            id uuid PRIMARY KEY, ref text NOT NULL, sector text NOT NULL, location text NOT NULL, location_path text[] NOT NULL,
            partner text, modes text[] NOT NULL, stage text, amount_cny numeric, published timestamptz NOT NULL);
        CREATE TABLE opportunity_translations (
            opportunity_id uuid NOT NULL, culture text NOT NULL,
            title text NOT NULL, summary text, description text,
            -- Chinese has no parser in stock PostgreSQL: 'simple' keeps runs of Han characters as single "words".
            tsv tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector(CASE culture WHEN 'ru' THEN 'russian'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, title), 'A') ||
                setweight(to_tsvector(CASE culture WHEN 'ru' THEN 'russian'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, coalesce(summary, '')), 'B') ||
                setweight(to_tsvector(CASE culture WHEN 'ru' THEN 'russian'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, coalesce(description, '')), 'C')) STORED,
            PRIMARY KEY (opportunity_id, culture));
        """;

    public const string Indexes = """
        CREATE INDEX opportunity_translations_tsv ON opportunity_translations USING gin (tsv);
        CREATE INDEX opportunities_sector ON opportunities (sector);
        CREATE INDEX opportunities_location ON opportunities (location);
        CREATE INDEX opportunities_published ON opportunities (published DESC);
        ANALYZE;
        """;

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = _source.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<string?> ScalarAsync(string sql)
    {
        await using var cmd = _source.CreateCommand(sql);
        return (await cmd.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>
    /// Streams opportunities (with Core's location path and CNY amount) into both tables by binary COPY on two
    /// connections at once, so nothing is buffered (there is no foreign key; plain tables, as the brief allows).
    /// </summary>
    public async Task LoadAsync(IEnumerable<(Opportunity O, IReadOnlyList<string> LocationPath, decimal? AmountCny)> items)
    {
        await using var conn = await _source.OpenConnectionAsync();
        await using var conn2 = await _source.OpenConnectionAsync();
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY opportunities (id, ref, sector, location, location_path, partner, modes, stage, amount_cny, published) FROM STDIN (FORMAT BINARY)");
        await using var tw = await conn2.BeginBinaryImportAsync(
            "COPY opportunity_translations (opportunity_id, culture, title, summary, description) FROM STDIN (FORMAT BINARY)");
        foreach (var (o, path, cny) in items)
        {
            await w.StartRowAsync();
            await w.WriteAsync(o.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(o.ExternalRef, NpgsqlDbType.Text);
            await w.WriteAsync(o.SectorCode, NpgsqlDbType.Text);
            await w.WriteAsync(o.LocationCode, NpgsqlDbType.Text);
            await w.WriteAsync(path.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await WriteNullable(w, o.PartnerRegionCode);
            await w.WriteAsync(o.CooperationModes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await WriteNullable(w, o.StageCode);
            if (cny is { } c) await w.WriteAsync(c, NpgsqlDbType.Numeric); else await w.WriteNullAsync();
            await w.WriteAsync((o.PublishedAt ?? o.UpdatedAt).ToUniversalTime(), NpgsqlDbType.TimestampTz);
            foreach (var t in o.Translations)
            {
                await tw.StartRowAsync();
                await tw.WriteAsync(o.Id, NpgsqlDbType.Uuid);
                await tw.WriteAsync(t.Culture, NpgsqlDbType.Text);
                await tw.WriteAsync(t.Title, NpgsqlDbType.Text);
                await WriteNullable(tw, t.Summary);
                await WriteNullable(tw, t.Description);
            }
        }
        await w.CompleteAsync();
        await tw.CompleteAsync();
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) await w.WriteNullAsync(); else await w.WriteAsync(value, NpgsqlDbType.Text);
    }

    public sealed record PgResult(long Total, IReadOnlyList<string> Refs, int FacetRows);

    /// <summary>One search, as one SQL statement: matching rows materialized once, then page, total and facets from them.</summary>
    public async Task<PgResult> SearchAsync(PgMode mode, OpportunitySearchPlan plan, bool facets)
    {
        await using var cmd = _source.CreateCommand();
        cmd.CommandTimeout = 120;
        var where = new List<string>();
        void Filter(string sql, string name, object value, NpgsqlDbType type)
        {
            where.Add(sql);
            cmd.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }
        if (plan.Sectors.Count > 0) Filter("o.sector = ANY(@sectors)", "sectors", plan.Sectors.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (plan.Locations.Count > 0) Filter("o.location = ANY(@locations)", "locations", plan.Locations.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (plan.PartnerRegions.Count > 0) Filter("o.partner = ANY(@partners)", "partners", plan.PartnerRegions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (plan.Modes.Count > 0) Filter("o.modes && @modes", "modes", plan.Modes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (plan.Stages.Count > 0) Filter("o.stage = ANY(@stages)", "stages", plan.Stages.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (plan.MinAmountCny is { } min) Filter("o.amount_cny >= @min", "min", min, NpgsqlDbType.Numeric);
        if (plan.MaxAmountCny is { } max) Filter("o.amount_cny <= @max", "max", max, NpgsqlDbType.Numeric);

        var rank = "0::real";
        var from = "opportunities o";
        if (plan.Text is { } text)
        {
            if (mode == PgMode.Ilike)
            {
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8).ToList();
                var conditions = new List<string>();
                for (var k = 0; k < words.Count; k++)
                {
                    conditions.Add($"concat_ws(' ', t.title, t.summary, t.description) ILIKE @w{k}");
                    cmd.Parameters.Add(new NpgsqlParameter($"w{k}", NpgsqlDbType.Text) { Value = "%" + EscapeLike(words[k]) + "%" });
                }
                where.Add($"EXISTS (SELECT 1 FROM opportunity_translations t WHERE t.opportunity_id = o.id AND {string.Join(" AND ", conditions)})");
            }
            else
            {
                const string query = "(plainto_tsquery('english', @text) || plainto_tsquery('russian', @text) || plainto_tsquery('simple', @text))";
                from = $"opportunities o JOIN (SELECT t.opportunity_id, max(ts_rank(t.tsv, {query})) AS rank FROM opportunity_translations t WHERE t.tsv @@ {query} GROUP BY t.opportunity_id) r ON r.opportunity_id = o.id";
                rank = "r.rank";
                cmd.Parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = text });
            }
        }
        var order = plan.Sort switch
        {
            SearchSort.Newest => "published DESC, rank DESC, ref",
            SearchSort.AmountAscending => "coalesce(amount_cny, 0), published DESC, ref",
            SearchSort.AmountDescending => "coalesce(amount_cny, 0) DESC, published DESC, ref",
            _ => "rank DESC, published DESC, ref",
        };
        var sql = new StringBuilder($"""
            WITH m AS MATERIALIZED (
              SELECT o.ref, o.sector, o.location_path, o.modes, o.stage, o.partner, o.amount_cny, o.published, {rank} AS rank
              FROM {from} {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}),
            p AS (SELECT ref, row_number() OVER (ORDER BY {order}) AS rn FROM m ORDER BY {order} LIMIT @take OFFSET @skip)
            SELECT 'hit' AS g, ref AS code, rn AS n FROM p
            UNION ALL SELECT 'total', NULL, count(*) FROM m
            """);
        if (facets)
            sql.Append("""

                UNION ALL SELECT 'sector', sector, count(*) FROM m GROUP BY sector
                UNION ALL SELECT 'location', l, count(*) FROM m, unnest(location_path) l GROUP BY l
                UNION ALL SELECT 'mode', x, count(*) FROM m, unnest(modes) x GROUP BY x
                UNION ALL SELECT 'stage', stage, count(*) FROM m WHERE stage IS NOT NULL GROUP BY stage
                UNION ALL SELECT 'partnerRegion', partner, count(*) FROM m WHERE partner IS NOT NULL GROUP BY partner
                """);
        cmd.CommandText = sql.ToString();
        cmd.Parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = plan.PageSize });
        cmd.Parameters.Add(new NpgsqlParameter("skip", NpgsqlDbType.Integer) { Value = plan.Skip });
        var hits = new List<(long Rank, string Ref)>();
        long total = 0;
        var facetRows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var g = reader.GetString(0);
            if (g == "hit") hits.Add((reader.GetInt64(2), reader.GetString(1)));
            else if (g == "total") total = reader.GetInt64(2);
            else facetRows++;
        }
        return new PgResult(total, [.. hits.OrderBy(h => h.Rank).Select(h => h.Ref)], facetRows);
    }

    private static string EscapeLike(string word) => word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
