using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

/// <summary>One line of a file: its record when it is good, else its errors (a blank line has neither).</summary>
public sealed record ImportLine(int Number, ImportRecord? Record, IReadOnlyList<ImportError> Errors);
