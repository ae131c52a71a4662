using System.Security.Cryptography;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Security;

/// <summary>
/// The password work an account form would have done for an existing account, done for an unknown one, so the time
/// an answer takes does not tell which addresses have accounts (checking a password costs about 100 ms; finding no
/// user costs almost nothing).
/// </summary>
public sealed class EqualWork(IPasswordHasher<PortalUser> hasher, IOptions<PasswordHasherOptions> hasherOptions)
{
    private static readonly PortalUser Nobody = new() { Id = "nobody", UserName = "nobody", DisplayName = "" };
    private static string? _dummyHash;

    /// <summary>As costly as checking <paramref name="password"/> against a real account's hash; always fails.</summary>
    public void VerifyAgainstNobody(string password) => hasher.VerifyHashedPassword(Nobody, DummyHash(), password);

    /// <summary>As costly as setting <paramref name="password"/> on a new account.</summary>
    public void HashForNobody(string password) => hasher.HashPassword(Nobody, password);

    /// <summary>
    /// A hash of a random password made with the same settings (iterations) as real ones. Built directly, not through
    /// the registered hasher, so building it is not counted as work of the request that needed it first.
    /// </summary>
    private string DummyHash() =>
        _dummyHash ??= new PasswordHasher<PortalUser>(hasherOptions).HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
}
