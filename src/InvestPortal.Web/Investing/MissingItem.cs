using InvestPortal.Core.Domain;

namespace InvestPortal.Web.Investing;

/// <summary>One thing a profile lacks: a resource key for its label and the id of the field that fills it.</summary>
public sealed record MissingItem(string LabelKey, string FieldId);
