namespace InvestPortal.Web.Map;

/// <summary>The symbol a crossing gets on the map: what it mainly carries (a crossing that carries several kinds gets the first of rail, road, river port, seasonal).</summary>
public enum CrossingSymbol
{
    Rail,
    Road,
    RiverPort,
    /// <summary>Only an ice road in winter or a pontoon bridge in summer.</summary>
    Seasonal,
}
