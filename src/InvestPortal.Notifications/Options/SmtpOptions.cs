using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Notifications.Options;

/// <summary>Section "Mail:Smtp".</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    /// <summary>Authenticate only when set; a local relay (Mailpit) needs none.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>Per SMTP command; it also bounds how long one send can hold its outbox lease.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
