using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;

namespace InvestPortal.Core.Publishing;

/// <summary>The texts of one language inside a <see cref="OpportunitySnapshot"/>, and where they came from (absent in older snapshots).</summary>
public sealed record SnapshotText(string Culture, string Title, string? Summary, string? Description,
    TranslationProvenance Provenance = TranslationProvenance.Unspecified);
