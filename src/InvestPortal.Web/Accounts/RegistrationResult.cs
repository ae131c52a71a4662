namespace InvestPortal.Web.Accounts;

/// <summary>The outcome of <see cref="Registration.RegisterAsync"/>, with the password errors when it was refused.</summary>
public sealed record RegistrationResult(RegistrationOutcome Outcome, IReadOnlyList<string> PasswordErrors);
