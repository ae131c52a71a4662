using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Data;
using InvestPortal.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>
/// Admin corrections of border crossings, the way <see cref="TaxonomyLabelAdmin"/> handles labels: the correction row,
/// its audit entry (who, when, each fact from → to, the source as the reason) and, when the crossing moves, a
/// "border-crossings-changed" outbox message are saved together. The handler rebuilds the search index, because distances
/// to crossings are indexed; names are read from <see cref="BorderCrossings"/> when a page is drawn and need no re-index.
/// </summary>
public sealed class CrossingCorrectionAdmin(PortalDbContext db, BorderCrossings crossings, BorderCrossingStore store, OutboxDispatcher dispatcher,
    TimeProvider clock)
{
    public const string OutboxKind = "border-crossings-changed";
    public const string AuditEntityType = "border-crossing";

    public async Task<IReadOnlyList<CrossingRow>> RowsAsync(CancellationToken ct = default)
    {
        var corrections = await db.BorderCrossingCorrections.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        return [.. crossings.All.Select(c => new CrossingRow(crossings.FileVersion(c.Code)!, c, corrections.GetValueOrDefault(c.Code)))];
    }

    public async Task<CrossingRow?> FindAsync(string code, CancellationToken ct = default)
    {
        if (crossings.FileVersion(code) is not { } file) return null;
        var correction = await db.BorderCrossingCorrections.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, ct);
        return new CrossingRow(file, crossings.Find(code) ?? file, correction);
    }

    public async Task<CrossingCorrectionResult> SaveAsync(string code, CrossingCorrectionInput input, Actor actor, CancellationToken ct = default)
    {
        if (crossings.FileVersion(code) is not { } file) return CrossingCorrectionResult.Of(CrossingCorrectionOutcome.NotFound);
        var problems = input.Validate();
        if (problems.Count > 0) return new(CrossingCorrectionOutcome.Invalid, problems);

        var wanted = Wanted(code, file, input);
        var existing = await db.BorderCrossingCorrections.SingleOrDefaultAsync(c => c.Code == code, ct);
        if (wanted.IsEmpty)
        {
            // Everything as the file says: the same as going back to it.
            return existing is null ? CrossingCorrectionResult.Of(CrossingCorrectionOutcome.Unchanged) : await RemoveAsync(file, existing, actor, ct);
        }
        var before = existing?.ApplyTo(file) ?? file;
        var after = wanted.ApplyTo(file);
        var changes = Changes(before, after);
        if (existing?.SourceNote != wanted.SourceNote) changes.Add($"source: {existing?.SourceNote ?? "—"} → {wanted.SourceNote}");
        if (changes.Count == 0) return CrossingCorrectionResult.Of(CrossingCorrectionOutcome.Unchanged);
        if (string.IsNullOrWhiteSpace(wanted.SourceNote))
            return new(CrossingCorrectionOutcome.Invalid, [(nameof(CrossingCorrectionInput.SourceNote), "AdminCrossings.Error.SourceRequired")]);
        // Checked again on the whole crossing: the same rules the content file must meet.
        if (BorderCrossings.Problem(after) is not null)
            return new(CrossingCorrectionOutcome.Invalid, [("", "AdminCrossings.Error.Invalid")]);

        if (existing is null) db.BorderCrossingCorrections.Add(wanted);
        else db.Entry(existing).CurrentValues.SetValues(wanted);
        var moved = before.Position != after.Position;
        db.Audit("crossing.correct", AuditEntityType, code, actor.UserName, details: string.Join("; ", changes), reason: wanted.SourceNote, userId: actor.UserId);
        if (moved) db.Enqueue(OutboxKind, new CrossingChange(code, "correct"), $"crossing:{code}:{Guid.NewGuid():N}");
        await db.SaveChangesAsync(ct);
        return await AppliedAsync(moved ? CrossingCorrectionOutcome.SavedAndMoved : CrossingCorrectionOutcome.Saved, moved, ct);
    }

    /// <summary>Drops the correction: the crossing is as the content file says again (audited; re-indexed if that moves it).</summary>
    public async Task<CrossingCorrectionResult> RevertAsync(string code, Actor actor, CancellationToken ct = default)
    {
        if (crossings.FileVersion(code) is not { } file) return CrossingCorrectionResult.Of(CrossingCorrectionOutcome.NotFound);
        var existing = await db.BorderCrossingCorrections.SingleOrDefaultAsync(c => c.Code == code, ct);
        return existing is null ? CrossingCorrectionResult.Of(CrossingCorrectionOutcome.Unchanged) : await RemoveAsync(file, existing, actor, ct);
    }

    private async Task<CrossingCorrectionResult> RemoveAsync(BorderCrossing file, BorderCrossingCorrection existing, Actor actor, CancellationToken ct)
    {
        var before = existing.ApplyTo(file);
        var moved = before.Position != file.Position;
        db.BorderCrossingCorrections.Remove(existing);
        db.Audit("crossing.revert", AuditEntityType, file.Code, actor.UserName, details: string.Join("; ", Changes(before, file)), userId: actor.UserId);
        if (moved) db.Enqueue(OutboxKind, new CrossingChange(file.Code, "revert"), $"crossing:{file.Code}:{Guid.NewGuid():N}");
        await db.SaveChangesAsync(ct);
        return await AppliedAsync(CrossingCorrectionOutcome.Reverted, moved, ct);
    }

    private async Task<CrossingCorrectionResult> AppliedAsync(CrossingCorrectionOutcome outcome, bool moved, CancellationToken ct)
    {
        // This node shows the correction at once; the outbox handler re-indexes (and reloads again, harmlessly).
        await store.ReloadAsync(ct);
        if (moved) dispatcher.Wake();
        return CrossingCorrectionResult.Of(outcome);
    }

    /// <summary>The row the input asks for: each field that differs from the file, null where it says what the file says.</summary>
    private BorderCrossingCorrection Wanted(string code, BorderCrossing file, CrossingCorrectionInput input)
    {
        string? Differs(string? typed, IReadOnlyDictionary<string, string> fileValues, string culture) =>
            string.IsNullOrWhiteSpace(typed) || typed.Trim() == fileValues.GetValueOrDefault(culture) ? null : typed.Trim();
        var point = PositionInput.Parse(input.Latitude, input.Longitude);
        var modes = input.ParsedModes();
        return new BorderCrossingCorrection
        {
            Code = code,
            NameZh = Differs(input.NameZh, file.Names, Cultures.Zh), NameRu = Differs(input.NameRu, file.Names, Cultures.Ru),
            NameEn = Differs(input.NameEn, file.Names, Cultures.En),
            CounterpartZh = Differs(input.CounterpartZh, file.Counterpart, Cultures.Zh),
            CounterpartRu = Differs(input.CounterpartRu, file.Counterpart, Cultures.Ru),
            CounterpartEn = Differs(input.CounterpartEn, file.Counterpart, Cultures.En),
            Latitude = point is { } p && p != file.Position ? p.Latitude : null,
            Longitude = point is { } q && q != file.Position ? q.Longitude : null,
            Modes = modes is { } m && m != file.Modes ? m : null,
            SourceNote = input.SourceNote?.Trim() ?? "",
            UpdatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>Each fact that differs, "fact: before → after", for the audit log.</summary>
    private static List<string> Changes(BorderCrossing before, BorderCrossing after)
    {
        var changes = new List<string>();
        foreach (var culture in Cultures.All)
        {
            if (before.Name(culture) != after.Name(culture)) changes.Add($"name {culture}: {before.Name(culture)} → {after.Name(culture)}");
            if (before.CounterpartName(culture) != after.CounterpartName(culture))
                changes.Add($"counterpart {culture}: {before.CounterpartName(culture)} → {after.CounterpartName(culture)}");
        }
        if (before.Position != after.Position)
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"position: {before.Position} → {after.Position} ({before.Position.DistanceKm(after.Position):0.##} km)"));
        if (before.Modes != after.Modes) changes.Add($"kinds: {Kinds(before)} → {Kinds(after)}");
        return changes;
    }

    private static string Kinds(BorderCrossing c) => string.Join(", ", c.ModeList().Select(BorderCrossings.ModeName));
}
