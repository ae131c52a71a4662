namespace InvestPortal.Web.Administration;

/// <summary>Payload of a <see cref="CrossingCorrectionAdmin.OutboxKind"/> message (for the log: the handler reloads every correction).</summary>
public sealed record CrossingChange(string Code, string Action);
