namespace InvestPortal.Core.Domain;

/// <summary>
/// Who did it, for the audit log: the one way every service that changes something is told its author (a page gets it
/// from PortalPageModel.Actor; a command or job passes its own name with no user id).
/// </summary>
public sealed record Actor(string? UserId, string? UserName);
