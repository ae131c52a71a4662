using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace InvestPortal.Web.Accounts;

/// <summary>Payload of a <see cref="PasswordResetRequestHandler.Kind"/> outbox message: an address someone typed on "forgot password".</summary>
public sealed record PasswordResetRequest(string Email, string Culture);
