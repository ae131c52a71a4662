using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

public sealed record OrganizationListPage(IReadOnlyList<Organization> Items, int Total, int Page, int PageSize);
