namespace InvestPortal.Search;

/// <summary>
/// Something the search documents are built from that admins can change in the database apart from the listings
/// (taxonomy labels, border crossing corrections). A rebuild refreshes each before it reads the catalogue: on a node
/// that has not polled yet, or at start while the stored corrections are still loading, it would otherwise index what
/// the content files say.
/// </summary>
public interface ISearchDocumentInputs
{
    Task RefreshAsync(CancellationToken ct);
}
