using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InvestPortal.IntegrationTests.Telemetry;

/// <summary>
/// A logger provider that keeps every line with its scopes (as the JSON console formatter with IncludeScopes would
/// print them): what an operator would find in the logs.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();
    public ConcurrentQueue<CapturedLog> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;
    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
            owner.scopes.ForEachScope((value, values) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, item) in pairs) values[key] = item?.ToString();
                else values[$"scope{values.Count}"] = value?.ToString();
            }, scope);
            // The structured values too: a JSON formatter writes them as fields.
            var message = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                message += " " + string.Join(" ", fields.Select(f => $"{f.Key}={f.Value}"));
            owner.Lines.Enqueue(new CapturedLog(logLevel, category, message, scope));
        }
    }
}
