using System.Text;
using Lucene.Net.Search.Highlight;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Highlighting for Chinese. Lucene's highlighter groups overlapping tokens, and CJK bigrams all overlap, so it
/// would mark a whole run of characters between two hits; here each matched term is marked where it occurs.
/// </summary>
internal static class CjkSnippets
{
    public static string? Highlight(string text, IReadOnlyCollection<string> terms, bool whole, int fragmentSize, int maxFragments)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var term in terms.Where(t => t.Length > 0))
            for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
                spans.Add((i, i + term.Length));
        if (spans.Count == 0) return null;
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        if (whole) return Render(text, 0, text.Length, merged);

        var fragments = new List<string>();
        var covered = -1;
        foreach (var m in merged)
        {
            if (fragments.Count >= maxFragments) break;
            if (m.Start < covered) continue;
            var start = Math.Max(0, m.Start - fragmentSize / 3);
            var end = Math.Min(text.Length, start + fragmentSize);
            fragments.Add(Render(text, start, end, merged));
            covered = end;
        }
        return string.Join(" … ", fragments);
    }

    private static string Render(string text, int start, int end, List<(int Start, int End)> marks)
    {
        var sb = new StringBuilder();
        var pos = start;
        foreach (var (s, e) in marks)
        {
            if (e <= start || s >= end) continue;
            var ms = Math.Max(s, start);
            var me = Math.Min(e, end);
            sb.Append(MinimalHtmlEncoder.Escape(text[pos..ms])).Append("<mark>").Append(MinimalHtmlEncoder.Escape(text[ms..me])).Append("</mark>");
            pos = me;
        }
        sb.Append(MinimalHtmlEncoder.Escape(text[pos..end]));
        return sb.ToString().Trim();
    }
}
