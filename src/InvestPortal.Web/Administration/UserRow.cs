using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

public sealed record UserRow(PortalUser User, IReadOnlyList<string> Roles, bool IsLocked);
