using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Source-generated reading of match facts written as JSON: segments written before <see cref="MatchFactsCodec"/>'s binary
/// form, and the <c>_source</c> of indexes older than the <c>_match</c> doc value. Same Web defaults (camelCase) as the
/// writer that wrote them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OpportunityDocument))]
[JsonSerializable(typeof(InvestorDocument))]
internal sealed partial class MatchFactsJson : JsonSerializerContext;
