using Assistant.Core.Privacy;
using Xunit;

namespace Assistant.Core.Tests.Privacy;

public sealed class CardNumberRedactionTests
{
    [Theory]
    [InlineData("my card is 4111 1111 1111 1111 thanks", "my card is [card •••• 1111] thanks")]
    [InlineData("4111-1111-1111-1111", "[card •••• 1111]")]
    [InlineData("card:4111111111111111.", "card:[card •••• 1111].")]
    [InlineData("Amex 3782 822463 10005 expires soon", "Amex [card •••• 0005] expires soon")]
    [InlineData("Mastercard 5555-5555-5555-4444", "Mastercard [card •••• 4444]")]
    [InlineData("new Mastercard range 2223 0031 2200 3222", "new Mastercard range [card •••• 3222]")]
    [InlineData("Discover (6011 1111 1111 1117)", "Discover ([card •••• 1117])")]
    [InlineData("Diners 3056 930902 5904", "Diners [card •••• 5904]")]
    [InlineData("JCB 3530111333300000, exp 12/28", "JCB [card •••• 0000], exp 12/28")]
    [InlineData("19 digits: 6304 0000 0000 0000 018", "19 digits: [card •••• 0018]")]
    [InlineData("13-digit Visa 4222222222222", "13-digit Visa [card •••• 2222]")]
    [InlineData("charged on 2026-12-01 4111 1111 1111 1111 twice", "charged on 2026-12-01 [card •••• 1111] twice")]
    [InlineData("cards 4111111111111111 and 5555555555554444", "cards [card •••• 1111] and [card •••• 4444]")]
    [InlineData("card #4111 1111 1111 1111 12/28 cvv 123", "card #[card •••• 1111] 12/28 cvv 123")]
    public void Card_numbers_are_replaced_by_their_last_four_digits(string text, string expected)
    {
        var redacted = SensitiveDataRedactor.Redact(text);

        Assert.Equal(expected, redacted.Text);
        Assert.Equal([SensitiveDataKind.CardNumber], redacted.Removed);
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]        // fails the Luhn check
    [InlineData("1234 5678 9012 3452")]        // Luhn-valid, but no card network starts with 1
    [InlineData("4111 1111 1111")]             // 12 digits: too short
    [InlineData("41111111111111111111")]       // 20 digits: too long
    [InlineData("Refund INV-2026-0142 please")] // invoice number
    [InlineData("order ORD-4111111111111111")] // an order id that happens to pass Luhn
    [InlineData("id x4111111111111111")]
    [InlineData("token 4111111111111111abc")]
    [InlineData("Call +86 138 0013 8000 or +1 (415) 555-0132")] // phone numbers
    [InlineData("Paid $1,234.56 on 2026-12-01 at 10:30, then 4,111,111,111.11 more")]
    [InlineData("dates 2026-12-01 2026-12-02 2026-12-03")]
    [InlineData("version 4.1111111111111111")]
    [InlineData("41 11 11 11 11 11 11 11")]    // groups of two are not a card layout
    public void Numbers_that_are_not_cards_are_kept(string text)
    {
        var redacted = SensitiveDataRedactor.Redact(text);

        Assert.Equal(text, redacted.Text);
        Assert.Empty(redacted.Removed);
    }

    [Fact]
    public void Redacting_twice_changes_nothing_more()
    {
        var once = SensitiveDataRedactor.Redact("card 4111 1111 1111 1111, SSN 123-45-6789, password: hunter22");

        var twice = SensitiveDataRedactor.Redact(once.Text);

        Assert.Equal("card [card •••• 1111], SSN [SSN removed], password: [secret removed]", once.Text);
        Assert.Equal(once.Text, twice.Text);
        Assert.Empty(twice.Removed);
    }
}
