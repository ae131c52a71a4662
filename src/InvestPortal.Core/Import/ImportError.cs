using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

public sealed record ImportError(int Line, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"line {Line}: {Message}" : $"line {Line}: {Field}: {Message}";
}
