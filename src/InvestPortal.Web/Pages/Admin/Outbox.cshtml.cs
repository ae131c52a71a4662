using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>The email outbox for admins: what is waiting, sent or dead, and why; retry, discard, send now.</summary>
public sealed class OutboxModel(OutboxAdmin admin, OutboxDispatcher dispatcher) : PortalPageModel
{
    public const int PageSize = 50;
    public OutboxStatus? Status { get; private set; }
    public OutboxPage Items { get; private set; } = new(0, 1, PageSize, []);
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public Pager Pager { get; private set; } = null!;
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync([FromQuery] OutboxStatus? status, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Status = status is { } s && Enum.IsDefined(s) ? s : null;
        Items = await admin.ListAsync(Status, Math.Max(1, pageNumber), PageSize, ct);
        Counts = await admin.CountsAsync(ct);
        Pager = new Pager(Items.Page, PageSize, Items.Total, Request);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var ok = await admin.RetryAsync(id, Actor, ct);
        if (ok) dispatcher.Wake();
        Message = ok ? "Outbox.Retried" : "Outbox.NotChanged";
        return RedirectToPage(new { culture = Culture, status = Request.Query["status"].ToString() });
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, string? reason, CancellationToken ct)
    {
        var ok = await admin.DiscardAsync(id, Actor, reason?.Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, 500)] : null, ct);
        Message = ok ? "Outbox.Discarded" : "Outbox.NotChanged";
        return RedirectToPage(new { culture = Culture, status = Request.Query["status"].ToString() });
    }

    public async Task<IActionResult> OnPostSendNowAsync(CancellationToken ct)
    {
        var sent = await dispatcher.DispatchDueAsync(ct);
        Message = sent > 0 ? "Outbox.SentNow" : "Outbox.NothingDue";
        return RedirectToPage(new { culture = Culture });
    }
}
