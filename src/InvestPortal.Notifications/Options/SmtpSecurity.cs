using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Notifications.Options;

public enum SmtpSecurity { None, StartTls, SslOnConnect }
