using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Insight;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Translations;

/// <summary>
/// Readers asking for a listing in their language (once per person and listing), and the translation demand
/// its owners see: readers per month who found no text in their language, and the requests, open or answered.
/// A request is answered when the published listing has a text in its language, worked out when read.
/// </summary>
public sealed class TranslationRequests(PortalDbContext db, TimeProvider clock)
{
    public async Task<TranslationRequestOutcome> RequestAsync(string slug, string userId, string culture, CancellationToken ct = default)
    {
        if (!Cultures.IsSupported(culture)) return TranslationRequestOutcome.NotFound;
        var listing = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
            .FirstOrDefaultAsync(o => o.Slug == slug && o.Status == OpportunityStatus.Published, ct);
        if (listing is null) return TranslationRequestOutcome.NotFound;
        if (listing.Translations.Any(t => t.Culture == culture)) return TranslationRequestOutcome.NotNeeded;
        if (await db.TranslationRequests.AnyAsync(r => r.OpportunityId == listing.Id && r.UserId == userId, ct))
            return TranslationRequestOutcome.AlreadyRequested;
        db.TranslationRequests.Add(new TranslationRequest
        {
            OpportunityId = listing.Id, UserId = userId, Culture = culture, CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return TranslationRequestOutcome.Requested;
        }
        catch (DbUpdateException)
        {
            // A double click: the unique (listing, person) key let only the first one in.
            db.ChangeTracker.Clear();
            return TranslationRequestOutcome.AlreadyRequested;
        }
    }

    /// <summary>This person's request for this listing, if any.</summary>
    public Task<TranslationRequest?> MineAsync(Guid opportunityId, string userId, CancellationToken ct = default) =>
        db.TranslationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.OpportunityId == opportunityId && r.UserId == userId, ct);

    /// <summary>For the insight page: every language with readers this month or requests, missing ones first.</summary>
    public async Task<IReadOnlyList<LanguageDemandRow>> DemandAsync(Opportunity listing, CancellationToken ct = default)
    {
        var month = LanguageDemandStats.MonthOf(clock.GetUtcNow());
        var readers = await db.OpportunityLanguageDemands.AsNoTracking()
            .Where(d => d.OpportunityId == listing.Id && d.Month == month)
            .ToDictionaryAsync(d => d.Culture, d => d.Readers, ct);
        var requests = await db.TranslationRequests.AsNoTracking().Where(r => r.OpportunityId == listing.Id)
            .GroupBy(r => r.Culture).Select(g => new { Culture = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Culture, g => g.Count, ct);
        var has = listing.Translations.Select(t => t.Culture).ToHashSet();
        return Cultures.All
            .Where(c => (!has.Contains(c) && readers.GetValueOrDefault(c) > 0) || requests.ContainsKey(c))
            .Select(c => new LanguageDemandRow(c, listing.For(c)?.Culture ?? listing.OriginalCulture,
                has.Contains(c) ? 0 : readers.GetValueOrDefault(c),
                has.Contains(c) ? 0 : requests.GetValueOrDefault(c),
                has.Contains(c) ? requests.GetValueOrDefault(c) : 0,
                !has.Contains(c)))
            .OrderByDescending(r => r.Missing).ThenByDescending(r => r.ReadersThisMonth + r.OpenRequests).ToList();
    }
}
