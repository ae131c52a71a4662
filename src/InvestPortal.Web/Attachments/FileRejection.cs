using System.Text;

namespace InvestPortal.Web.Attachments;

/// <summary>Why a file was refused; each has a localized message "Attachments.Error.{value}".</summary>
public enum FileRejection { Empty, TooLarge, Executable, Markup, UnknownType, TooMany }
