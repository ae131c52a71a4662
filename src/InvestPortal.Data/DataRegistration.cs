using InvestPortal.Core.Geography;
using InvestPortal.Core.Taxonomy;
using Microsoft.AspNetCore.Identity;
using InvestPortal.Data.Import;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvestPortal.Data;

public static class DataRegistration
{
    /// <summary>The database (SQLite or PostgreSQL by configuration), taxonomy, exchange rates, importer and start-up initialization.</summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = builder.Configuration.Get<StorageOptions>() ?? new StorageOptions();
        var paths = new PortalPaths(storage, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(paths.DataPath);
        services.AddSingleton(paths);

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<PublicUrlOptions>().Configure<IConfiguration>(PublicUrlOptions.Bind).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PublicUrlOptions>, PublicUrlOptionsValidation>();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        if (string.Equals(database.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var cs = builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<PortalDbContext, PostgresPortalDbContext>(o => o.UseNpgsql(cs));
        }
        else
        {
            services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o =>
                o.UseSqlite($"Data Source={paths.Database};Default Timeout=30"));
            services.AddOptions<SqliteOptimizerOptions>().BindConfiguration(SqliteOptimizerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddHostedService<SqliteOptimizer>();
        }

        services.AddDataProtection().PersistKeysToDbContext<PortalDbContext>().SetApplicationName("InvestPortal");
        services.AddSingleton(_ => PortalTaxonomy.Load(paths.Taxonomy));
        services.AddSingleton(_ => BorderCrossings.Load(paths.BorderCrossings));
        services.AddSingleton<ExchangeRateCache>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Importer>();
        services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    /// <summary>Identity stores on the portal database.</summary>
    public static IdentityBuilder AddPortalIdentityStores(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<PortalDbContext>();
}
