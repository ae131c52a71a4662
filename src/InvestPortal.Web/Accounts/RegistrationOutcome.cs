namespace InvestPortal.Web.Accounts;

/// <summary>What became of a registration form that passed its field checks.</summary>
public enum RegistrationOutcome
{
    /// <summary>The "check your email" answer: a new account, or an address that already had one (told by email).</summary>
    Done,
    /// <summary>The password validators refused the password; the errors say why.</summary>
    PasswordRejected,
}
