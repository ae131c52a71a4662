using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Data;

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no native DateTimeOffset: store UTC ticks so ordering and comparisons run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        // SQLite has no decimal type: EF would store TEXT, which cannot be compared or sorted as numbers.
        // Doubles hold every plausible amount (up to 10^12 with 4 decimals) exactly enough to compare. A row outside
        // decimal's range (written before MoneyRule, or by hand) is read clamped rather than failing every page.
        configurationBuilder.Properties<decimal>().HaveConversion<DecimalToSafeDoubleConverter>();
    }
}
