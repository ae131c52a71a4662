namespace InvestPortal.Web;

/// <summary>Marker for the one shared set of interface strings in localization/SharedResource.{zh,ru,en}.resx.</summary>
public sealed class SharedResource;
