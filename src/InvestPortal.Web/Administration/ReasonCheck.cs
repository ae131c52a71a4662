namespace InvestPortal.Web.Administration;

/// <summary>A rejection reason made ready to send (<see cref="Reason"/>), or the localized <see cref="Error"/> that stops it.</summary>
public sealed record ReasonCheck(string? Reason, string? Error)
{
    public bool IsValid => Error is null;
}
