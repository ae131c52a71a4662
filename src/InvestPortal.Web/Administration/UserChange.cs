using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>What an admin change of a user came to; each value has a message "AdminUsers.Result.{value}".</summary>
public enum UserChange { Done, NotFound, UnknownRole, OwnAdminRole, OwnLock, UnknownOrganization, NoChange, Failed }
