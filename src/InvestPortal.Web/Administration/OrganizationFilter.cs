using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

public sealed record OrganizationFilter(bool? Verified = null, OrganizationKind? Kind = null, string? Query = null);
