namespace InvestPortal.Web.Operations;

/// <summary>A backup or restore refused for a reason the operator can act on; the command prints it as one message.</summary>
public sealed class BackupException(string message) : Exception(message);
