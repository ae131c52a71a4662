using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Data;

/// <summary>Section "Demo".</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    /// <summary>Load content/demo/ into an empty database at start.</summary>
    public bool Load { get; set; } = true;
}
