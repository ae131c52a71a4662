using System.Text.Json.Nodes;

namespace InvestPortal.Web.Api;

/// <summary>
/// One documented API parameter. <see cref="Type"/> is the JSON Schema type the caller sends ("string", "integer",
/// "number"; <see cref="Repeatable"/> makes it an array of that type, sent as the parameter repeated).
/// </summary>
public sealed record ApiDocParameter(string Name, string In, string Type, bool Required, bool Repeatable, JsonNode Example,
    IReadOnlyList<string>? Values = null)
{
    /// <summary>The resource key of its description: Api.Doc.Param.{Name}.</summary>
    public string TextKey => $"Api.Doc.Param.{Name}";
}
