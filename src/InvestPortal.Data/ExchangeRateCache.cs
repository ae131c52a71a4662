using InvestPortal.Core.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.Data;

/// <summary>The current rate table, read from the database once and again whenever an admin edits rates.</summary>
public sealed class ExchangeRateCache(IServiceScopeFactory scopes)
{
    private volatile ExchangeRateTable? _table;

    public ExchangeRateTable Table => _table ?? Reload();

    public ExchangeRateTable Reload()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var table = new ExchangeRateTable(db.ExchangeRates.AsNoTracking().ToList());
        _table = table;
        return table;
    }
}
