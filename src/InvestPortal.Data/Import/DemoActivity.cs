using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Data.Import;

/// <summary>
/// Loads content/demo/activity.json after the demo catalogue: interests with their replies and discussions, and the
/// outcomes of the demo listings that closed, so the demo landing funnel tells a story. Everything here hangs off demo
/// listings, which is how the funnel marks it as demo. Written by tools/demo/build_activity.py.
/// </summary>
public static class DemoActivity
{
    public const string FileName = "activity.json";
    // Demo events happen in the morning, Beijing time.
    private static readonly TimeSpan At = TimeSpan.FromHours(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> LoadAsync(PortalDbContext db, string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) return 0;
        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync<ActivityFile>(stream, Json, ct)
            ?? throw new InvalidDataException($"{path} is empty.");
        var listings = await db.Opportunities.Where(o => o.IsDemo).ToDictionaryAsync(o => o.ExternalRef, ct);
        var investors = await db.InvestorProfiles.Where(p => p.IsDemo && p.OrganizationId != null)
            .ToDictionaryAsync(p => p.ExternalRef, p => p.OrganizationId!.Value, ct);
        Opportunity Listing(string r) => listings.TryGetValue(r, out var o) && o.Status == OpportunityStatus.Published ? o
            : throw new InvalidDataException($"{path}: '{r}' is not a published demo listing.");

        foreach (var i in file.Interests)
        {
            var o = Listing(i.Listing);
            if (!investors.TryGetValue(i.Investor, out var organizationId))
                throw new InvalidDataException($"{path}: '{i.Investor}' is not a demo investor.");
            if (i.Outcome is not null && !InterestOutcomes.IsKnown(i.Outcome))
                throw new InvalidDataException($"{path}: '{i.Outcome}' is not an interest outcome.");
            var created = Day(i.CreatedOn);
            DateTimeOffset? replied = i.ReplyDays is { } r ? created.AddDays(r) : null;
            DateTimeOffset? discussed = i.DiscussionDays is { } d ? created.AddDays(d) : null;
            var status = i.Outcome is not null ? InterestStatus.Closed
                : discussed is not null ? InterestStatus.InDiscussion
                : replied is not null ? InterestStatus.Acknowledged : InterestStatus.Submitted;
            db.ExpressionsOfInterest.Add(new ExpressionOfInterest
            {
                OpportunityId = o.Id, OrganizationId = organizationId, Role = InterestRole.Investor, Message = i.Message,
                ContactPerson = "Demo", Status = status, Outcome = i.Outcome, CreatedAt = created,
                AcknowledgedAt = replied, FirstReplyAt = replied, DiscussionAt = discussed,
                UpdatedAt = (discussed ?? replied ?? created).AddDays(i.Outcome is null ? 0 : 2),
            });
            o.InterestCount++;
        }
        foreach (var c in file.Outcomes)
        {
            var o = Listing(c.Listing);
            if (!ListingOutcomes.IsKnown(c.Outcome)) throw new InvalidDataException($"{path}: '{c.Outcome}' is not a listing outcome.");
            o.Status = OpportunityStatus.Closed;
            o.Outcome = c.Outcome;
            o.ClosedAt = o.UpdatedAt = Day(c.ClosedOn);
            o.OutcomeCountry = c.Country;
            o.OutcomeAmount = c.Amount;
            o.OutcomeCurrency = c.Amount is null ? null : c.Currency;
            o.Version = Guid.NewGuid();
            // The catalogue was indexed as published a moment ago: take the closed listing out again.
            db.Enqueue(OutboxKinds.Index, new IndexRequest([o.Id], []), $"index:opportunity:{o.Id:N}:{o.Version:N}:demo-close");
        }
        await db.SaveChangesAsync(ct);
        return file.Interests.Count + file.Outcomes.Count;
    }

    private static DateTimeOffset Day(string isoDate) =>
        new(DateOnly.ParseExact(isoDate, "yyyy-MM-dd").ToDateTime(TimeOnly.MinValue) + At, TimeSpan.Zero);

    private sealed record ActivityFile(List<ActivityInterest> Interests, List<ActivityOutcome> Outcomes);

    private sealed record ActivityInterest(string Listing, string Investor, string CreatedOn, string Message,
        int? ReplyDays, int? DiscussionDays, string? Outcome);

    private sealed record ActivityOutcome(string Listing, string Outcome, string ClosedOn, string? Country, decimal? Amount, string? Currency);
}
