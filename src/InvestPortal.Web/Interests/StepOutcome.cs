using System.Security.Claims;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Interests;

public enum StepOutcome { Done, Stale, NotAllowed, OutcomeRequired }
