using Microsoft.Extensions.Logging;

namespace InvestPortal.IntegrationTests.Telemetry;

/// <summary>One log line as a console formatter would write it: level, category, message and the scope values around it.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, string?> Scope);
