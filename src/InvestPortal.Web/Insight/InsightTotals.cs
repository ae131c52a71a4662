using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Insight;

public sealed record InsightTotals(int Views, int Interests, int Invitations);
