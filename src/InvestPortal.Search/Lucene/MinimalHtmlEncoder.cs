using System.Text;
using Lucene.Net.Search.Highlight;

namespace InvestPortal.Search.Lucene;

/// <summary>HTML output for highlights: escapes only what HTML needs (SimpleHTMLEncoder turns every CJK or Cyrillic letter into an entity).</summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public static readonly MinimalHtmlEncoder Instance = new();

    public string EncodeText(string originalText) => Escape(originalText);

    public static string Escape(string text)
    {
        var first = 0;
        while (first < text.Length && !NeedsEscape(text[first])) first++;
        if (first == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c); break;
            }
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c is '&' or '<' or '>' or '"' or '\'' || (char.IsControl(c) && c is not ('\n' or '\t'));
}
