using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Publishing;

/// <summary>Who did it, for the audit log.</summary>
public sealed record Actor(string? UserId, string? UserName);
