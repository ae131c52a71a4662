using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

public sealed record ModerationPage(IReadOnlyList<ModerationItem> Items, int Total, int Page, int PageSize, int NewCount, int EditCount);
