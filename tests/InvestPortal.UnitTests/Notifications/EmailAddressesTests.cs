using InvestPortal.Notifications.Email;
using Xunit;

namespace InvestPortal.UnitTests.Notifications;

/// <summary>An address is accepted only if the outbox could address an email to it.</summary>
public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData(".a@b.test")]
    [InlineData("a@b..test")]
    [InlineData("a.@b.test")]
    [InlineData("a..b@c.test")]
    [InlineData("a b@c.test")]
    [InlineData("Anna <a@b.test>")]
    [InlineData("a@b.test, c@d.test")]
    [InlineData("nobody")]
    [InlineData(" a@b.test")]
    [InlineData("")]
    public void Addresses_MimeKit_refuses_or_that_are_more_than_one_bare_address_cannot_be_sent_to(string address) =>
        Assert.False(EmailAddresses.CanSendTo(address));

    [Theory]
    [InlineData("anna.petrova@example.com")]
    [InlineData("li+portal@example.cn")]
    [InlineData("用户@例子.中国")]
    [InlineData("иван@пример.рф")]
    public void Ordinary_and_international_addresses_can_be_sent_to(string address)
    {
        Assert.True(EmailAddresses.CanSendTo(address));
        // The outbox builds the recipient exactly this way.
        Assert.Equal(address, new MimeKit.MailboxAddress("", address).Address);
    }
}
