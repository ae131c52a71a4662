using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Notifications.Options;

/// <summary>Section "Mail".</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Pickup writes .eml files under DataPath/mail (the embedded default); Smtp sends through MailKit.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Sender, as "Name &lt;address&gt;" or a bare address; its domain also ends every Message-Id.</summary>
    [Required]
    public string From { get; set; } = "InvestPortal <noreply@localhost>";

    /// <summary>
    /// Absolute links in emails. Always the portal's public address (Portal:PublicBaseUrl); setting
    /// Mail:BaseUrl still works as the older name of that setting when Portal:PublicBaseUrl is not set.
    /// </summary>
    [Required]
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public SmtpOptions Smtp { get; set; } = new();
}
