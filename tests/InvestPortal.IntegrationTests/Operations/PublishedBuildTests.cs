using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InvestPortal.Testing;

namespace InvestPortal.IntegrationTests.Operations;

/// <summary>
/// README "Publish": the published build starts on its own, from a folder that is neither the repository nor the app's,
/// with a fresh DataPath and no ContentPath, as an operator runs it. One slow test (a publish and a cold start).
/// </summary>
public sealed class PublishedBuildTests
{
    [Fact]
    public async Task A_published_build_started_from_another_folder_with_a_fresh_data_folder_serves_pages_and_health()
    {
        var publish = TestPaths.NewTempFolder("investportal-publish");
        var workingFolder = TestPaths.NewTempFolder("investportal-cwd");
        var dataPath = Path.Combine(TestPaths.NewTempFolder("investportal-publish-data"), "data");
        try
        {
            // The configuration the tests were built in is already compiled: publish it without building again.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var project = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "src", "InvestPortal.Web", "InvestPortal.Web.csproj");
            var (code, log) = await RunToEndAsync("dotnet", workingFolder, "publish", project, "-c", configuration, "--no-build", "-o", publish);
            Assert.True(code == 0, log);
            Assert.True(File.Exists(Path.Combine(publish, "content", "taxonomy.json")), "content/ is not in the publish output");
            Assert.True(File.Exists(Path.Combine(publish, "content", "email", "account-confirm-email.zh.txt")), "email templates are not in the publish output");
            Assert.False(Directory.Exists(Path.Combine(publish, "content", "sources")), "glossary sources are for development only");

            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true,
                ArgumentList = { Path.Combine(publish, "InvestPortal.Web.dll"), "--urls", $"http://127.0.0.1:{port}" },
            };
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ContentPath", StringComparison.OrdinalIgnoreCase)
                         || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(name);
            start.Environment["DataPath"] = dataPath;
            using var portal = Process.Start(start)!;
            var output = new System.Text.StringBuilder();
            portal.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            portal.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            portal.BeginOutputReadLine();
            portal.BeginErrorReadLine();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                var health = await WaitForHealthAsync(client, portal, output);
                Assert.Equal(HttpStatusCode.OK, health);

                var home = await client.GetAsync("/en/");
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
                // The demo content came from the published content/ into the fresh database.
                Assert.Contains("/en/opportunities/", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
                Assert.True(File.Exists(Path.Combine(dataPath, "investportal.db")), "the database is not in the given DataPath");
            }
            finally
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }
        }
        finally
        {
            foreach (var folder in new[] { publish, workingFolder, Path.GetDirectoryName(dataPath)! })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static async Task<HttpStatusCode> WaitForHealthAsync(HttpClient client, Process portal, System.Text.StringBuilder output)
    {
        // A cold start migrates a new database, loads the demo catalogue and builds the index: allow a slow machine.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            // The message is built only when it is needed, and under the lock: the output handler appends meanwhile, and a
            // StringBuilder read while written throws (CI run 8 failed on it).
            if (portal.HasExited)
                lock (output) Assert.Fail($"the published portal stopped:\n{output}");
            try
            {
                var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return response.StatusCode;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(500);
        }
        lock (output) Assert.Fail($"/health never answered 200:\n{output}");
        return default;
    }

    private static async Task<(int Code, string Log)> RunToEndAsync(string file, string workingFolder, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
