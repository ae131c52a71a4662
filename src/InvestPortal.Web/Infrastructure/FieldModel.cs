namespace InvestPortal.Web.Infrastructure;

/// <summary>One labelled form field with its hint and its error, wired for screen readers (see _Field.cshtml).</summary>
public sealed record FieldModel(
    string Name, string LabelKey, string? Value, string Type = "text", string? Autocomplete = null,
    string? HintKey = null, bool Required = false, int? MaxLength = null)
{
    public string Id => Name.Replace('.', '_');
}
