using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

public sealed record ModerationFilter(Guid? Organization = null, string? Sector = null, string? Language = null, ModerationKind? Kind = null);
