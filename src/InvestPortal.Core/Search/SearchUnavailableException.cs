namespace InvestPortal.Core.Search;

/// <summary>The configured engine cannot serve now; the web layer shows a localized "search unavailable" message.</summary>
public sealed class SearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
