using System.Diagnostics;
using InvestPortal.Benchmarks.Search;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestPortal.Benchmarks.Load;

/// <summary>
/// Fills a portal data folder (SQLite) with the synthetic corpus of the search benchmark, so the real
/// web app can be load-tested on it (tests/InvestPortal.Benchmarks/load.sh). The portal builds its
/// Lucene index itself on first start.
/// Usage: dotnet run -c Release --project tests/InvestPortal.Benchmarks -- web-seed DATAPATH [opportunities=100000]
/// </summary>
public static class WebSeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1) { Console.Error.WriteLine("usage: web-seed DATAPATH [opportunities=100000]"); return 2; }
        var dataPath = Path.GetFullPath(args[0]);
        var count = args.Length > 1 ? int.Parse(args[1]) : 100_000;
        Directory.CreateDirectory(dataPath);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dataPath });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataPath"] = dataPath, ["ContentPath"] = TestPaths.Content, ["Demo:Load"] = "false",
        });
        builder.AddPortalData();
        using var host = builder.Build();
        var content = TestPaths.Content;
        var corpus = new SyntheticCorpus(PortalTaxonomy.Load(Path.Combine(content, "taxonomy.json")),
            GlossaryModel.Load(Path.Combine(content, "glossary.jsonl")));

        var clock = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            if (await db.Opportunities.AnyAsync()) { Console.Error.WriteLine($"{dataPath} already has opportunities"); return 1; }
        }
        var org = new Organization { Slug = "syn-org", Name = "黑龙江省商务厅 (synthetic)", NameEn = "Heilongjiang Department of Commerce (synthetic)", Kind = OrganizationKind.GovernmentAgency, IsVerified = true, Country = "CN" };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
        }
        for (var start = 0; start < count; start += 2000)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + 2000); i++)
            {
                var o = corpus.Opportunity(i);
                o.OrganizationId = org.Id;
                db.Opportunities.Add(o);
            }
            await db.SaveChangesAsync();
            if (start % 20000 == 0) Console.WriteLine($"{start + 2000} opportunities, {clock.Elapsed.TotalSeconds:F0} s");
        }
        Console.WriteLine($"seeded {count} opportunities into {dataPath} in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }
}
