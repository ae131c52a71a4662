namespace InvestPortal.Core.Search;

/// <summary>
/// A piece of a document's text around the words that matched, as safe HTML: everything is
/// HTML-escaped except the &lt;mark&gt;…&lt;/mark&gt; around hits.
/// </summary>
/// <param name="Field">title, summary, description (opportunities); name, description (investors).</param>
/// <param name="Culture">The language of the snippet: the requested one, or the document's original when it lacks it.</param>
public sealed record Highlight(string Field, string Culture, string Html);
