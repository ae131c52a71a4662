using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;

namespace InvestPortal.Notifications.Templates;

/// <summary>One template file: header fields, then "---", then paragraphs separated by blank lines.</summary>
public sealed record EmailTemplate(string Name, string Culture, string Subject, string Reason, string? Action, IReadOnlyList<string> Paragraphs);
