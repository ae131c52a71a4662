using System.Text;

namespace InvestPortal.Core.Moderation;

/// <summary>
/// A longest-common-subsequence diff of two texts, for moderators comparing a resubmission with what the public saw.
/// Latin and Cyrillic text is compared word by word (with the whitespace kept as its own token, so the result
/// reassembles into the original texts); Chinese has no spaces between words, so it is compared character by character.
/// </summary>
public static class TextDiff
{
    /// <summary>Above this many tokens on each side the quadratic table would be too big: show one removal and one addition.</summary>
    public const int MaxTokens = 4000;

    public static IReadOnlyList<DiffSpan> Compare(string? before, string? after)
    {
        var a = Tokenize(before ?? "");
        var b = Tokenize(after ?? "");
        // Common prefix and suffix first: edits are usually local, and it keeps the table small.
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start]) start++;
        var endA = a.Count;
        var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }

        var ops = new List<(DiffOp, string)>();
        for (var i = 0; i < start; i++) ops.Add((DiffOp.Same, a[i]));
        Middle(a, start, endA, b, start, endB, ops);
        for (var i = endA; i < a.Count; i++) ops.Add((DiffOp.Same, a[i]));
        return Merge(ops);
    }

    /// <summary>True when the text is mostly Chinese/Japanese/Korean characters, which are compared one by one.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';

    /// <summary>Words, runs of whitespace, single punctuation marks and single CJK characters.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            }
            else if (char.IsLetterOrDigit(c) && !IsCjk(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                       && !IsCjk(text[i])) i++;
            }
            else
            {
                // One CJK character or punctuation mark (a surrogate pair stays whole).
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static void Middle(List<string> a, int a0, int a1, List<string> b, int b0, int b1, List<(DiffOp, string)> ops)
    {
        int n = a1 - a0, m = b1 - b0;
        if (n == 0 || m == 0 || n > MaxTokens || m > MaxTokens)
        {
            for (var i = a0; i < a1; i++) ops.Add((DiffOp.Removed, a[i]));
            for (var j = b0; j < b1; j++) ops.Add((DiffOp.Added, b[j]));
            return;
        }
        // lcs[i, j] = length of the LCS of a[a0+i..a1) and b[b0+j..b1).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[a0 + i] == b[b0 + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[a0 + x] == b[b0 + y]) { ops.Add((DiffOp.Same, a[a0 + x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) { ops.Add((DiffOp.Removed, a[a0 + x])); x++; }
            else { ops.Add((DiffOp.Added, b[b0 + y])); y++; }
        }
        for (; x < n; x++) ops.Add((DiffOp.Removed, a[a0 + x]));
        for (; y < m; y++) ops.Add((DiffOp.Added, b[b0 + y]));
    }

    /// <summary>
    /// Joins neighbouring tokens of the same kind; whitespace between two replacements joins them,
    /// so "old words" → "new words" reads as one removal and one addition rather than a checkerboard.
    /// </summary>
    private static List<DiffSpan> Merge(List<(DiffOp Op, string Text)> ops)
    {
        var result = new List<DiffSpan>();
        var removed = new StringBuilder();
        var added = new StringBuilder();
        var same = new StringBuilder();
        void FlushChanges()
        {
            if (removed.Length > 0) result.Add(new DiffSpan(DiffOp.Removed, removed.ToString()));
            if (added.Length > 0) result.Add(new DiffSpan(DiffOp.Added, added.ToString()));
            removed.Clear();
            added.Clear();
        }
        for (var i = 0; i < ops.Count; i++)
        {
            var (op, text) = ops[i];
            if (op == DiffOp.Same)
            {
                // Only inside a replacement (both sides changed), so the space still belongs to both texts.
                var between = string.IsNullOrWhiteSpace(text) && removed.Length > 0 && added.Length > 0
                    && i + 1 < ops.Count && ops[i + 1].Op != DiffOp.Same;
                if (between) { removed.Append(text); added.Append(text); continue; }
                FlushChanges();
                same.Append(text);
                continue;
            }
            if (same.Length > 0) { result.Add(new DiffSpan(DiffOp.Same, same.ToString())); same.Clear(); }
            (op == DiffOp.Removed ? removed : added).Append(text);
        }
        FlushChanges();
        if (same.Length > 0) result.Add(new DiffSpan(DiffOp.Same, same.ToString()));
        return result;
    }

    /// <summary>The old text (kept and removed spans) or the new text (kept and added spans), for checks and tests.</summary>
    public static string Side(IEnumerable<DiffSpan> spans, bool after) =>
        string.Concat(spans.Where(s => s.Op == DiffOp.Same || s.Op == (after ? DiffOp.Added : DiffOp.Removed)).Select(s => s.Text));
}
