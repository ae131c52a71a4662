using System.Globalization;
using System.Text.Json;
using InvestPortal.Core.Search;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>Answers shaped like Elasticsearch 9's (typed_keys=true, as the client asks for), for result-mapping tests.</summary>
public static class EsResponses
{
    private static readonly JsonSerializerOptions CoreJson = new(JsonSerializerDefaults.Web);
    private const string Shards = """ "_shards":{"total":1,"successful":1,"skipped":0,"failed":0} """;

    public static readonly string EmptySearch = $$$"""
        {"took":1,"timed_out":false,{{{Shards}}},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}
        """;

    /// <summary>Two hits (a zh-only listing and a trilingual one) with highlights in several cultures, and two facet groups.</summary>
    public static readonly string OpportunitiesPage = $$$"""
        {"took":7,"timed_out":false,{{{Shards}}},
         "hits":{"total":{"value":42,"relation":"eq"},"max_score":3.1,"hits":[
           {"_index":"ip-opportunities-v20260314092653589","_id":"00000000-0000-0000-0000-000000000001","_score":3.14159,
            "_source":{"id":"00000000-0000-0000-0000-000000000001","ref":"TIMBER-ZH","original_culture":"zh","cultures":["zh"]},
            "highlight":{"title_zh":["黑河<mark>木材</mark>加工园区"],
                         "summary_zh":["<mark>原木</mark>进口与<mark>木材</mark>深加工","园区 &lt;b&gt; <mark>木材</mark>"],
                         "all_zh":["ignored: not a display field"]},
            "sort":[3.14159,1790812800000,"00000000-0000-0000-0000-000000000001"]},
           {"_index":"ip-opportunities-v20260314092653589","_id":"00000000-0000-0000-0000-000000000004","_score":1.2,
            "_source":{"id":"00000000-0000-0000-0000-000000000004","ref":"SOLAR-ALL","original_culture":"zh","cultures":["en","ru","zh"]},
            "highlight":{"title_zh":["大庆<mark>光伏</mark>电站"],"title_ru":["<mark>Солнечная</mark> электростанция в Дацине"],
                         "summary_ru":["Строительство <mark>солнечной</mark> электростанции"],"description_ru":["no mark here"]},
            "sort":[1.2,1785542400000,"00000000-0000-0000-0000-000000000004"]}]},
         "aggregations":{
           "sterms#sector":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
             "buckets":[{"key":"forestry-timber","doc_count":30},{"key":"energy","doc_count":12}]},
           "sterms#location":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
             "buckets":[{"key":"231100","doc_count":20},{"key":"230600","doc_count":12},{"key":"232700","doc_count":10},{"key":"232701","doc_count":10}]} } }
        """;

    /// <summary>A search_after hop: only ids and sort values; the last hit's sort values are given.</summary>
    public static string SortOnlyHits(int count, double score, long date, int lastNumber)
    {
        var hits = Enumerable.Range(lastNumber - count + 1, count).Select(n =>
        {
            var id = $"00000000-0000-0000-0000-{n:D12}";
            var s = (n == lastNumber ? score : 9.9).ToString(CultureInfo.InvariantCulture);
            var sort = n == lastNumber ? $"[{s},{date},\"{id}\"]" : $"[{s},{date + n},\"{id}\"]";
            return $$$"""{"_index":"ip-opportunities-v0","_id":"{{{id}}}","_score":{{{s}}},"sort":{{{sort}}} }""";
        });
        return $$$"""{"took":3,"timed_out":false,{{{Shards}}},"hits":{"total":{"value":{{{count}}},"relation":"gte"},"max_score":null,"hits":[{{{string.Join(",", hits)}}}]}}""";
    }

    /// <summary>Candidates for matching: each hit carries the whole Core document under "doc".</summary>
    public static string Candidates(params object[] coreDocuments)
    {
        var hits = coreDocuments.Select((d, i) =>
        {
            var doc = JsonSerializer.Serialize(d, d.GetType(), CoreJson);
            return $$$"""{"_index":"x-v0","_id":"{{{i}}}","_score":{{{8.5 - i}}},"_source":{"doc":{{{doc}}} } }""";
        });
        return $$$"""{"took":2,"timed_out":false,{{{Shards}}},"hits":{"total":{"value":{{{coreDocuments.Length}}},"relation":"eq"},"max_score":8.5,"hits":[{{{string.Join(",", hits)}}}]}}""";
    }

    /// <summary>A percolate answer: the matching saved searches, with the slot ES adds for each.</summary>
    public static string Percolated(params Guid[] ids)
    {
        var hits = ids.Select(id =>
            $$$"""{"_index":"ip-saved-searches-v0","_id":"{{{id}}}","_score":1.0,"_source":{"id":"{{{id}}}"},"fields":{"_percolator_document_slot":[0]},"sort":["{{{id}}}"]}""");
        return $$$"""{"took":4,"timed_out":false,{{{Shards}}},"hits":{"total":{"value":{{{ids.Length}}},"relation":"eq"},"max_score":null,"hits":[{{{string.Join(",", hits)}}}]}}""";
    }

    public static OpportunityDocument Solar => EsSamples.Timber with
    {
        Id = Guid.Parse("00000000-0000-0000-0000-000000000004"), ExternalRef = "SOLAR-ALL", Sector = "energy", Location = "230600",
        LocationPath = ["230600"], PartnerRegion = null, Modes = ["ppp"], AmountCny = 80_000_000m, MinTicketCny = null, Concepts = ["solar"],
    };
}
