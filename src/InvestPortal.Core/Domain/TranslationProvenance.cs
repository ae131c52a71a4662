namespace InvestPortal.Core.Domain;

/// <summary>
/// Where one language's text of a listing came from, shown to readers so they know how far to trust a
/// translation. <see cref="Unspecified"/> is a text saved before provenance was recorded: readers see nothing.
/// </summary>
public enum TranslationProvenance
{
    Unspecified = 0,
    /// <summary>The language the listing was written in.</summary>
    Original = 1,
    /// <summary>Translated by the owner organization's staff.</summary>
    Owner = 2,
    /// <summary>Machine-translated, then read and corrected by a person.</summary>
    MachineReviewed = 3,
    /// <summary>Machine-translated and not reviewed.</summary>
    Machine = 4,
}
