using System.ComponentModel.DataAnnotations;
using InvestPortal.Notifications.Email;

namespace InvestPortal.Web.Security;

/// <summary>
/// An email address the portal can send to (<see cref="EmailAddresses.CanSendTo"/>). Stricter than
/// <see cref="EmailAddressAttribute"/>, which lets through addresses such as ".a@b.test" that MimeKit refuses when the
/// outbox builds the message. An empty value is left to [Required].
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SendableEmailAttribute : DataTypeAttribute
{
    public SendableEmailAttribute() : base(DataType.EmailAddress) => ErrorMessage = "Validation.Email";

    public override bool IsValid(object? value) => value is not string text || text.Length == 0 || EmailAddresses.CanSendTo(text.Trim());
}
