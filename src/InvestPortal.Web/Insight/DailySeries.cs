using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Insight;

/// <summary>Counters per day over a window ending today, oldest first, with no gaps.</summary>
public sealed record DailySeries(IReadOnlyList<DateOnly> Days, IReadOnlyList<int> Views, IReadOnlyList<int> Interests, IReadOnlyList<int> Invitations);
