using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Source-generated reading of the <c>_match</c> JSON: matching deserializes 500 of these per call, and the generated
/// metadata skips the reflection-based converters' per-property lookups. Same Web defaults (camelCase) as the writer in
/// <see cref="LuceneDocuments"/>, so old and new segments read alike.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OpportunityDocument))]
[JsonSerializable(typeof(InvestorDocument))]
internal sealed partial class MatchFactsJson : JsonSerializerContext;
