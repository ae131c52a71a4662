namespace InvestPortal.Web.Administration;

/// <summary>The reason template select and reason textarea of one reject form (see _ReasonFields.cshtml).</summary>
public sealed record ReasonFieldsModel(string Key, string OriginalCulture, bool HasError, string? Input, string? Error)
{
    public string ReasonId => $"reason-{Key}";
    public string TemplateId => $"template-{Key}";
}
