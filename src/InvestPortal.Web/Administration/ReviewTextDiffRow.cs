using InvestPortal.Core.Moderation;

namespace InvestPortal.Web.Administration;

/// <summary>The word diff (by character for Chinese) of one text of one language.</summary>
public sealed record ReviewTextDiffRow(string Culture, string LabelKey, IReadOnlyList<DiffSpan> Spans);
