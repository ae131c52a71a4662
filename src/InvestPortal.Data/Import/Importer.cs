using InvestPortal.Core.Domain;
using InvestPortal.Core.Import;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Data.Import;

/// <summary>
/// Imports a JSON Lines file all-or-nothing: if any line is bad, every bad line is reported and
/// nothing is written, so a re-run after fixing the file never leaves a half-imported catalogue.
/// Records are upserted by externalRef; the search index learns of them through the outbox.
/// The file is streamed twice — once to validate every line (and check every update against what is stored), once
/// to write it in batches inside one transaction — so memory does not grow with the file. Each batch enqueues its
/// own index message: a running portal indexes the listings as they commit, a stopped one when it starts (and a
/// start-up rebuild that already read them marks those messages done, so nothing is indexed twice).
/// </summary>
public sealed class Importer(PortalDbContext db, PortalTaxonomy taxonomy, TimeProvider clock, ILogger<Importer> log)
{
    /// <summary>Records written (and indexed) per batch: bounded memory, and small index messages.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// References the web editor gives listings and profiles written on the portal (WEB-2026-…, WEB-INV-…). An import
    /// never creates or updates one: those listings belong to their officials and to moderation, not to a file.
    /// </summary>
    public const string WebReferencePrefix = "WEB-";

    public Task<ImportResult> ImportFileAsync(string path, string actor, bool isDemo, CancellationToken ct = default) =>
        ImportAsync(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
            actor, isDemo, ct);

    /// <param name="open">Opens the file from its start; called twice (validation, then writing).</param>
    public async Task<ImportResult> ImportAsync(Func<Stream> open, string actor, bool isDemo, CancellationToken ct = default)
    {
        using var activity = PortalTelemetry.Source.StartActivity("import");
        var result = await ImportCoreAsync(open, actor, isDemo, ct);
        activity?.SetTag("import.records", result.Total);
        activity?.SetTag("import.errors", result.Errors.Count);
        if (!result.Succeeded) activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "file refused");
        PortalTelemetry.ImportRecords.Add(result.OpportunitiesCreated + result.InvestorsCreated, new KeyValuePair<string, object?>(PortalTelemetry.Tags.Outcome, "created"));
        PortalTelemetry.ImportRecords.Add(result.OpportunitiesUpdated + result.InvestorsUpdated, new KeyValuePair<string, object?>(PortalTelemetry.Tags.Outcome, "updated"));
        if (!result.Succeeded) PortalTelemetry.ImportRecords.Add(result.Errors.Count, new KeyValuePair<string, object?>(PortalTelemetry.Tags.Outcome, "failed"));
        // One line per import with counts; the errors themselves go to whoever ran it (they quote the file).
        if (result.Succeeded)
            log.LogInformation("Import finished: opportunities created {OpportunitiesCreated}, updated {OpportunitiesUpdated}; investor profiles created {InvestorsCreated}, updated {InvestorsUpdated}.",
                result.OpportunitiesCreated, result.OpportunitiesUpdated, result.InvestorsCreated, result.InvestorsUpdated);
        else log.LogWarning("Import refused: {ErrorCount} errors; nothing was written.", result.Errors.Count);
        return result;
    }

    private async Task<ImportResult> ImportCoreAsync(Func<Stream> open, string actor, bool isDemo, CancellationToken ct)
    {
        var parser = new ImportParser(taxonomy);
        var errors = await ValidateAsync(parser, open, ct);
        if (errors.Count > 0) return new ImportResult(errors, 0, 0, 0, 0);

        var now = clock.GetUtcNow();
        var importId = Guid.NewGuid().ToString("N");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var organizations = new OrganizationResolver(db, now);
        int oppCreated = 0, oppUpdated = 0, invCreated = 0, invUpdated = 0, batchNumber = 0;
        var batch = new List<ImportRecord>(BatchSize);

        async Task<IReadOnlyList<ImportError>> WriteBatchAsync()
        {
            var (oc, ou, oppIds, oppErrors) = await UpsertOpportunitiesAsync(batch.OfType<OpportunityRecord>().ToList(), organizations, isDemo, now, ct);
            var (ic, iu, invIds, invErrors) = await UpsertInvestorsAsync(batch.OfType<InvestorRecord>().ToList(), organizations, isDemo, now, ct);
            batch.Clear();
            // Stored between validation and now (another import, an editor): refuse rather than take it over.
            if (oppErrors.Count + invErrors.Count > 0) return [.. oppErrors, .. invErrors];
            (oppCreated, oppUpdated, invCreated, invUpdated) = (oppCreated + oc, oppUpdated + ou, invCreated + ic, invUpdated + iu);
            batchNumber++;
            if (oppIds.Count + invIds.Count > 0)
                db.Enqueue(OutboxKinds.Index, new IndexRequest(oppIds, invIds), $"index:import:{importId}:{batchNumber}");
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            log.LogInformation("Import {ImportId} batch {Batch}: opportunities created {OpportunitiesCreated}, updated {OpportunitiesUpdated}; investor profiles created {InvestorsCreated}, updated {InvestorsUpdated} (not committed until the whole file is written).",
                importId, batchNumber, oc, ou, ic, iu);
            return [];
        }

        await using (var stream = open())
        {
            foreach (var line in parser.Read(stream))
            {
                // The file changed since it was validated: all or nothing still holds.
                if (line.Record is null) return await AbandonAsync(tx, line.Errors);
                batch.Add(line.Record);
                if (batch.Count < BatchSize) continue;
                if (await WriteBatchAsync() is { Count: > 0 } late) return await AbandonAsync(tx, late);
            }
        }
        if (batch.Count > 0 && await WriteBatchAsync() is { Count: > 0 } last) return await AbandonAsync(tx, last);

        db.Audit("import", "file", null, actor,
            $"opportunities created {oppCreated}, updated {oppUpdated}; investor profiles created {invCreated}, updated {invUpdated}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult([], oppCreated, oppUpdated, invCreated, invUpdated);
    }

    private async Task<ImportResult> AbandonAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, IReadOnlyList<ImportError> errors)
    {
        await tx.RollbackAsync();
        db.ChangeTracker.Clear();
        return new ImportResult(errors, 0, 0, 0, 0);
    }

    /// <summary>
    /// First pass: every line parsed and checked, and every reference that already exists checked against what the
    /// line would do to it (<see cref="Refusal"/>), a batch of references at a time. Keeps only the errors.
    /// </summary>
    private async Task<List<ImportError>> ValidateAsync(ImportParser parser, Func<Stream> open, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var opportunities = new List<OpportunityRecord>(BatchSize);
        var investors = new List<InvestorRecord>(BatchSize);
        await using var stream = open();
        foreach (var line in parser.Read(stream))
        {
            errors.AddRange(line.Errors);
            if (line.Record is OpportunityRecord o) opportunities.Add(o);
            else if (line.Record is InvestorRecord i) investors.Add(i);
            if (opportunities.Count >= BatchSize) await CheckOpportunitiesAsync(opportunities, errors, ct);
            if (investors.Count >= BatchSize) await CheckInvestorsAsync(investors, errors, ct);
        }
        await CheckOpportunitiesAsync(opportunities, errors, ct);
        await CheckInvestorsAsync(investors, errors, ct);
        return [.. errors.OrderBy(e => e.Line)];
    }

    private async Task CheckOpportunitiesAsync(List<OpportunityRecord> records, List<ImportError> errors, CancellationToken ct)
    {
        var refs = records.Select(r => r.ExternalRef).ToList();
        var stored = await db.Opportunities.AsNoTracking().Where(o => refs.Contains(o.ExternalRef))
            .Select(o => new { o.ExternalRef, o.Status, Organization = o.Organization!.Name }).ToDictionaryAsync(o => o.ExternalRef, ct);
        foreach (var r in records)
        {
            var existing = stored.GetValueOrDefault(r.ExternalRef);
            if (Refusal(r, existing is null ? null : (existing.Status, existing.Organization)) is { } error) errors.Add(error);
        }
        records.Clear();
    }

    private async Task CheckInvestorsAsync(List<InvestorRecord> records, List<ImportError> errors, CancellationToken ct)
    {
        var refs = records.Select(r => r.ExternalRef).ToList();
        var stored = await db.InvestorProfiles.AsNoTracking().Where(p => refs.Contains(p.ExternalRef))
            .Select(p => new { p.ExternalRef, Organization = p.Organization == null ? null : p.Organization.Name }).ToDictionaryAsync(p => p.ExternalRef, ct);
        foreach (var r in records)
        {
            var found = stored.TryGetValue(r.ExternalRef, out var existing);
            if (Refusal(r, found, existing?.Organization) is { } error) errors.Add(error);
        }
        records.Clear();
    }

    /// <summary>
    /// Why a line may not do what it says to the listing stored under its reference (null: it may). An import updates
    /// only what imports created, never moves a listing to another organization, and never publishes a listing that is
    /// not published already — that would skip moderation and make its unreviewed attachments public.
    /// </summary>
    private static ImportError? Refusal(OpportunityRecord r, (OpportunityStatus Status, string Organization)? existing)
    {
        if (r.ExternalRef.StartsWith(WebReferencePrefix, StringComparison.OrdinalIgnoreCase))
            return new ImportError(r.Line, "externalRef",
                $"'{r.ExternalRef}': references starting with {WebReferencePrefix} belong to listings written on the portal; an import cannot create or change them.");
        if (existing is not { } e) return null;
        if (!string.Equals(e.Organization, r.Organization, StringComparison.Ordinal))
            return new ImportError(r.Line, "organization",
                $"'{r.ExternalRef}' belongs to '{e.Organization}'; an import does not move a listing to another organization ('{r.Organization}').");
        if (r.Status == OpportunityStatus.Published && e.Status != OpportunityStatus.Published)
            return new ImportError(r.Line, "status",
                $"'{r.ExternalRef}' is not published (it is {e.Status}); an import cannot publish it past moderation. Import it as draft or pending.");
        return null;
    }

    private static ImportError? Refusal(InvestorRecord r, bool exists, string? organization)
    {
        if (r.ExternalRef.StartsWith(WebReferencePrefix, StringComparison.OrdinalIgnoreCase))
            return new ImportError(r.Line, "externalRef",
                $"'{r.ExternalRef}': references starting with {WebReferencePrefix} belong to profiles written on the portal; an import cannot create or change them.");
        var name = r.Name.Values[0].Value;
        if (exists && !string.Equals(organization, name, StringComparison.Ordinal))
            return new ImportError(r.Line, "name",
                $"'{r.ExternalRef}' belongs to '{organization}'; an import does not move a profile to another organization ('{name}').");
        return null;
    }

    private async Task<(int Created, int Updated, List<Guid> Ids, List<ImportError> Errors)> UpsertOpportunitiesAsync(
        List<OpportunityRecord> records, OrganizationResolver organizations, bool isDemo, DateTimeOffset now, CancellationToken ct)
    {
        var existing = new Dictionary<string, Opportunity>(StringComparer.Ordinal);
        foreach (var chunk in records.Select(r => r.ExternalRef).Chunk(500))
        {
            var found = await db.Opportunities.Include(o => o.Translations).Include(o => o.Organization)
                .Where(o => chunk.Contains(o.ExternalRef)).ToListAsync(ct);
            foreach (var o in found) existing[o.ExternalRef] = o;
        }
        int created = 0, updated = 0;
        var ids = new List<Guid>(records.Count);
        var errors = new List<ImportError>();
        foreach (var r in records)
        {
            var stored = existing.GetValueOrDefault(r.ExternalRef);
            if (Refusal(r, stored is null ? null : (stored.Status, stored.Organization!.Name)) is { } refused)
            {
                errors.Add(refused);
                continue;
            }
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
            o.Latitude = r.Position?.Latitude;
            o.Longitude = r.Position?.Longitude;
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
                Provenance = r.ProvenanceOf(c),
            }, (t, c) => { t.Title = r.Title[c]!; t.Summary = r.Summary[c]; t.Description = r.Description[c]; t.Provenance = r.ProvenanceOf(c); });
            ids.Add(o.Id);
        }
        return (created, updated, ids, errors);
    }

    private async Task<(int Created, int Updated, List<Guid> Ids, List<ImportError> Errors)> UpsertInvestorsAsync(
        List<InvestorRecord> records, OrganizationResolver organizations, bool isDemo, DateTimeOffset now, CancellationToken ct)
    {
        var existing = new Dictionary<string, InvestorProfile>(StringComparer.Ordinal);
        foreach (var chunk in records.Select(r => r.ExternalRef).Chunk(500))
        {
            var found = await db.InvestorProfiles.Include(p => p.Translations).Include(p => p.Organization)
                .Where(p => chunk.Contains(p.ExternalRef)).ToListAsync(ct);
            foreach (var p in found) existing[p.ExternalRef] = p;
        }
        int created = 0, updated = 0;
        var ids = new List<Guid>(records.Count);
        var errors = new List<ImportError>();
        foreach (var r in records)
        {
            var found = existing.TryGetValue(r.ExternalRef, out var stored);
            if (Refusal(r, found, stored?.Organization?.Name) is { } refused)
            {
                errors.Add(refused);
                continue;
            }
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
        return (created, updated, ids, errors);
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
