using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Investing;

/// <summary>Outbox kinds of the alerts feature and their payloads.</summary>
public static class AlertOutbox
{
    /// <summary>Payload <see cref="AlertRequest"/>: an opportunity was published; test it against every saved search.</summary>
    public const string AlertsKind = "alerts";
    /// <summary>Payload <see cref="SavedSearchSync"/>: store or remove one saved search in the percolator.</summary>
    public const string SavedSearchKind = "saved-search";

    /// <summary>The publisher's one line: queue the percolation in the approval's own SaveChanges.</summary>
    public static void QueueAlerts(PortalDbContext db, Opportunity o) =>
        db.Enqueue(AlertsKind, new AlertRequest(o.Id), $"alerts:{o.Id:N}:{o.Version:N}");
}
