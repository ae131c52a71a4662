using System.Text;

namespace InvestPortal.Core.Moderation;

/// <summary>A run of text that is in both versions, only in the new one, or only in the old one.</summary>
public sealed record DiffSpan(DiffOp Op, string Text);
