using System.Globalization;
using System.Runtime.CompilerServices;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>The audit log's filter, as the page's query string carries it. Dates are whole UTC days, both inclusive.</summary>
public sealed record AuditFilter(string? User = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>
    /// The dates a filter may name. Far dates such as 9999-12-31 used to overflow when the end of the day was computed
    /// (a 500, and a CSV cut off mid-body); the page refuses dates outside this range with a message instead.
    /// </summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;
}
