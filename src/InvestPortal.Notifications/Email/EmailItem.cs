namespace InvestPortal.Notifications.Email;

/// <summary>One entry of a digest list.</summary>
public sealed record EmailItem(string Title, string LinkPath, string? Summary = null, string? TextCulture = null);
