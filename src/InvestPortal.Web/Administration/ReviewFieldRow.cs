namespace InvestPortal.Web.Administration;

/// <summary>One field of a listing under review, as the public saw it and as proposed, in the reviewer's language.</summary>
public sealed record ReviewFieldRow(string LabelKey, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before ?? "", After ?? "", StringComparison.Ordinal);
}
