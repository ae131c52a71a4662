using InvestPortal.Core.Domain;
using InvestPortal.Core.Import;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Data.Import;

public sealed record ImportResult(
    IReadOnlyList<ImportError> Errors, int OpportunitiesCreated, int OpportunitiesUpdated, int InvestorsCreated, int InvestorsUpdated)
{
    public bool Succeeded => Errors.Count == 0;
    public int Total => OpportunitiesCreated + OpportunitiesUpdated + InvestorsCreated + InvestorsUpdated;
}

/// <summary>
/// Imports a JSON Lines file all-or-nothing: if any line is bad, every bad line is reported and
/// nothing is written, so a re-run after fixing the file never leaves a half-imported catalogue.
/// Records are upserted by externalRef; the search index learns of them through the outbox.
/// </summary>
public sealed class Importer(PortalDbContext db, PortalTaxonomy taxonomy, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(TextReader reader, string actor, bool isDemo, CancellationToken ct = default)
    {
        var parsed = new ImportParser(taxonomy).Parse(reader);
        if (!parsed.IsValid) return new ImportResult(parsed.Errors, 0, 0, 0, 0);

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var organizations = new OrganizationResolver(db, now);
        var (oppCreated, oppUpdated, oppIds) = await UpsertOpportunitiesAsync(
            parsed.Records.OfType<OpportunityRecord>().ToList(), organizations, isDemo, now, ct);
        var (invCreated, invUpdated, invIds) = await UpsertInvestorsAsync(
            parsed.Records.OfType<InvestorRecord>().ToList(), organizations, isDemo, now, ct);

        if (oppIds.Count + invIds.Count > 0)
            db.Enqueue(OutboxKinds.Index, new IndexRequest(oppIds, invIds), $"index:import:{Guid.NewGuid():N}");
        db.Audit("import", "file", null, actor,
            $"opportunities created {oppCreated}, updated {oppUpdated}; investor profiles created {invCreated}, updated {invUpdated}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult([], oppCreated, oppUpdated, invCreated, invUpdated);
    }

    private async Task<(int Created, int Updated, List<Guid> Ids)> UpsertOpportunitiesAsync(
        List<OpportunityRecord> records, OrganizationResolver organizations, bool isDemo, DateTimeOffset now, CancellationToken ct)
    {
        var existing = new Dictionary<string, Opportunity>(StringComparer.Ordinal);
        foreach (var chunk in records.Select(r => r.ExternalRef).Chunk(500))
        {
            var found = await db.Opportunities.Include(o => o.Translations)
                .Where(o => chunk.Contains(o.ExternalRef)).ToListAsync(ct);
            foreach (var o in found) existing[o.ExternalRef] = o;
        }
        int created = 0, updated = 0;
        var ids = new List<Guid>(records.Count);
        foreach (var r in records)
        {
            if (!existing.TryGetValue(r.ExternalRef, out var o))
            {
                o = new Opportunity { ExternalRef = r.ExternalRef, CreatedAt = now };
                db.Opportunities.Add(o);
                created++;
            }
            else updated++;
            o.Status = r.Status;
            o.SectorCode = r.Sector;
            o.LocationCode = r.Location;
            o.PartnerRegionCode = r.PartnerRegion;
            o.TotalAmount = r.Total;
            o.Currency = r.Currency;
            o.MinTicket = r.MinTicket;
            o.CooperationModes = [.. r.Modes];
            o.StageCode = r.Stage;
            o.Tags = [.. r.Tags];
            o.ContactEmail = r.ContactEmail;
            o.OrganizationId = (await organizations.GetOrCreateAsync(r.Organization, OrganizationKind.GovernmentAgency, ct)).Id;
            o.OriginalCulture = r.Title.FirstCulture!;
            o.PublishedAt = r.Status == OpportunityStatus.Published ? r.PublishedAt ?? o.PublishedAt ?? now : null;
            o.UpdatedAt = now;
            o.IsDemo = isDemo;
            o.Version = Guid.NewGuid();
            o.Slug = Slugs.Make(r.ExternalRef, r.Title[Cultures.En] ?? r.Title[Cultures.Ru]);
            SyncTranslations(o.Translations, r.Title, c => new OpportunityTranslation
            {
                OpportunityId = o.Id, Culture = c, Title = r.Title[c]!, Summary = r.Summary[c], Description = r.Description[c],
            }, (t, c) => { t.Title = r.Title[c]!; t.Summary = r.Summary[c]; t.Description = r.Description[c]; });
            ids.Add(o.Id);
        }
        return (created, updated, ids);
    }

    private async Task<(int Created, int Updated, List<Guid> Ids)> UpsertInvestorsAsync(
        List<InvestorRecord> records, OrganizationResolver organizations, bool isDemo, DateTimeOffset now, CancellationToken ct)
    {
        var existing = new Dictionary<string, InvestorProfile>(StringComparer.Ordinal);
        foreach (var chunk in records.Select(r => r.ExternalRef).Chunk(500))
        {
            var found = await db.InvestorProfiles.Include(p => p.Translations)
                .Where(p => chunk.Contains(p.ExternalRef)).ToListAsync(ct);
            foreach (var p in found) existing[p.ExternalRef] = p;
        }
        int created = 0, updated = 0;
        var ids = new List<Guid>(records.Count);
        foreach (var r in records)
        {
            if (!existing.TryGetValue(r.ExternalRef, out var p))
            {
                p = new InvestorProfile { ExternalRef = r.ExternalRef, CreatedAt = now };
                db.InvestorProfiles.Add(p);
                created++;
            }
            else updated++;
            var originalName = r.Name.Values[0].Value;
            p.OrganizationId = (await organizations.GetOrCreateAsync(originalName, OrganizationKind.Investor, ct,
                r.Name[Cultures.Zh], r.Name[Cultures.Ru], r.Name[Cultures.En], r.Country)).Id;
            p.Kind = r.Kind;
            p.Country = r.Country;
            p.HomeRegion = r.HomeRegion;
            p.Languages = [.. r.Languages];
            p.Sectors = [.. r.Sectors];
            p.Locations = [.. r.Locations];
            p.TicketMin = r.TicketMin;
            p.TicketMax = r.TicketMax;
            p.TicketCurrency = r.TicketCurrency;
            p.CooperationModes = [.. r.Modes];
            p.ContactEmail = r.ContactEmail;
            p.OriginalCulture = r.Name.FirstCulture!;
            p.IsDemo = isDemo;
            p.UpdatedAt = now;
            p.Slug = Slugs.Make(r.ExternalRef, r.Name[Cultures.En] ?? r.Name[Cultures.Ru]);
            SyncTranslations(p.Translations, r.Name, c => new InvestorProfileTranslation
            {
                InvestorProfileId = p.Id, Culture = c, Name = r.Name[c]!, Description = r.Description[c],
            }, (t, c) => { t.Name = r.Name[c]!; t.Description = r.Description[c]; });
            ids.Add(p.Id);
        }
        return (created, updated, ids);
    }

    /// <summary>Makes the translation rows match the cultures the file gives a primary text in.</summary>
    private void SyncTranslations<T>(ICollection<T> rows, LocalizedText primary, Func<string, T> create, Action<T, string> update)
        where T : class, ICultureRow
    {
        foreach (var stale in rows.Where(t => primary[t.Culture] is null).ToList())
        {
            rows.Remove(stale);
            db.Remove(stale);
        }
        foreach (var culture in primary.Values.Select(v => v.Key))
        {
            var row = rows.FirstOrDefault(t => t.Culture == culture);
            if (row is null) rows.Add(create(culture));
            else update(row, culture);
        }
    }
}
