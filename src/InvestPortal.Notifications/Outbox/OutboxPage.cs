using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Notifications.Outbox;

public sealed record OutboxPage(int Total, int Page, int PageSize, IReadOnlyList<OutboxItem> Items);
