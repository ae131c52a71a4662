using InvestPortal.Data;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Search;

/// <summary>The current glossary (content/glossary.jsonl). After an admin edits the file, <see cref="Reload"/> then rebuild the index.</summary>
public sealed class GlossaryStore(PortalPaths paths)
{
    private volatile GlossaryModel? _current;

    public GlossaryModel Current => _current ?? Reload();

    public GlossaryModel Reload()
    {
        var glossary = GlossaryModel.LoadOrEmpty(paths.Glossary);
        _current = glossary;
        return glossary;
    }
}
