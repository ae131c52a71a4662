using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Data;

/// <summary>
/// The provider-neutral upsert of counters (daily stats, translation demand, zero-result searches): a relative UPDATE
/// of the row (Count + n), and when there is none an INSERT; if another node inserted the same row in between, the
/// unique key refuses ours and the UPDATE is tried again. Inside a caller's transaction EF Core wraps the INSERT in a
/// savepoint, so a refused insert does not abort the transaction on PostgreSQL.
/// </summary>
public static class RelativeUpsert
{
    /// <param name="increment">The relative UPDATE; answers how many rows it changed.</param>
    /// <param name="newRow">The row to insert when there is none, or null to insert nothing.</param>
    public static async Task AddAsync<T>(PortalDbContext db, Func<Task<int>> increment, Func<Task<T?>> newRow, CancellationToken ct)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await increment() > 0) return;
            if (await newRow() is not { } row) return;
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Entry(row).State = EntityState.Detached;
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
