using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using InvestPortal.Testing;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// docker-compose.yml's Elasticsearch health check gates the portal's start ("depends_on: service_healthy"): it must
/// fail while nothing answers, or the portal starts before Elasticsearch. The command is run exactly as Docker runs
/// a CMD-SHELL check (sh -c), against a local port where nothing listens.
/// </summary>
public sealed class ComposeHealthCheckTests
{
    [Fact]
    public async Task The_Elasticsearch_health_check_fails_when_nothing_listens()
    {
        var command = ElasticsearchHealthCheck();
        Assert.Contains("localhost:9200", command);
        var port = FreePort();
        var (exit, output) = await RunShell(command.Replace("localhost:9200", $"127.0.0.1:{port}", StringComparison.Ordinal));
        Assert.True(exit != 0, $"the health check exited 0 with nothing listening on port {port}: {output}");
    }

    [Fact]
    public void The_Elasticsearch_image_is_on_the_client_minor_version()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryRoot, "docker-compose.yml"));
        var image = Regex.Match(compose, @"elasticsearch/elasticsearch:(\d+)\.(\d+)\.\d+").Groups;
        var props = File.ReadAllText(Path.Combine(RepositoryRoot, "Directory.Packages.props"));
        var client = Regex.Match(props, @"""Elastic\.Clients\.Elasticsearch"" Version=""(\d+)\.(\d+)\.").Groups;
        Assert.Equal($"{client[1].Value}.{client[2].Value}", $"{image[1].Value}.{image[2].Value}");
    }

    private static string RepositoryRoot => Path.GetDirectoryName(TestPaths.Content)!;

    /// <summary>The CMD-SHELL command of the elasticsearch service's healthcheck, as compose would pass it to sh.</summary>
    private static string ElasticsearchHealthCheck()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, "docker-compose.yml"));
        var service = Array.FindIndex(lines, l => l == "  elasticsearch:");
        Assert.True(service >= 0, "docker-compose.yml has no elasticsearch service");
        var test = lines.Skip(service + 1).TakeWhile(l => l.Length == 0 || l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim()).First(l => l.StartsWith("test:", StringComparison.Ordinal));
        var array = JsonSerializer.Deserialize<string[]>(test["test:".Length..].Trim())!;
        Assert.Equal("CMD-SHELL", array[0]);
        return array[1];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Exit, string Output)> RunShell(string command)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
