using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Notifications.Options;

public enum MailTransportKind { Pickup, Smtp }
