using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace InvestPortal.Testing;

/// <summary>
/// A real PostgreSQL for tests. CI starts one and sets INVESTPORTAL_TEST_POSTGRES (a connection string
/// to a superuser); without it, a throwaway cluster is started from /usr/lib/postgresql/15/bin.
/// Either way each caller gets a fresh database of its own. A missing server is a failure, never a skip.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "INVESTPORTAL_TEST_POSTGRES";
    private static readonly Lazy<string> AdminConnectionString = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase(string prefix = "test")
    {
        var admin = AdminConnectionString.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    private static string StartOrFind()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        return StartThrowawayCluster();
    }

    private static string StartThrowawayCluster()
    {
        const string bin = "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")))
            throw new InvalidOperationException($"No PostgreSQL at {bin} and {EnvironmentVariable} is not set: install postgresql-15 or point the variable at a server.");
        var dir = Path.Combine(Path.GetTempPath(), $"investportal-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres {dir}");
        Run(Path.Combine(bin, "initdb"), $"-D {dir}/data -A trust -U postgres --no-sync -E UTF8", asRoot);
        Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c fsync=off -c listen_addresses=127.0.0.1\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate stop", asRoot); Directory.Delete(dir, true); }
            catch (Exception) { /* the temp folder is the OS's to clean after a crash */ }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static void Run(string file, string args, bool asPostgres = false)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {args}")
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {stderr.Result}");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
