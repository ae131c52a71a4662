namespace InvestPortal.Web.Administration;

/// <summary>Section "Crossings".</summary>
public sealed class CrossingOptions
{
    public const string Section = "Crossings";

    /// <summary>How often a node checks the database for crossing corrections saved on another node; zero turns polling off.</summary>
    public TimeSpan CorrectionRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
