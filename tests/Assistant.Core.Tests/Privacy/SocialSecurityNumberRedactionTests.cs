using Assistant.Core.Privacy;
using Xunit;

namespace Assistant.Core.Tests.Privacy;

public sealed class SocialSecurityNumberRedactionTests
{
    [Theory]
    [InlineData("my SSN is 123-45-6789", "my SSN is [SSN removed]")]
    [InlineData("123 45 6789 is mine", "[SSN removed] is mine")]
    [InlineData("(219-09-9999)", "([SSN removed])")]
    [InlineData("SSN: 123456789", "SSN: [SSN removed]")]
    [InlineData("my social security number is 078051120.", "my social security number is [SSN removed].")]
    [InlineData("tax id 123456789", "tax id [SSN removed]")]
    public void Social_security_numbers_are_removed(string text, string expected)
    {
        var redacted = SensitiveDataRedactor.Redact(text);

        Assert.Equal(expected, redacted.Text);
        Assert.Equal([SensitiveDataKind.SocialSecurityNumber], redacted.Removed);
    }

    [Theory]
    [InlineData("000-12-3456")]          // area 000 is never issued
    [InlineData("666-12-3456")]          // nor 666
    [InlineData("912-34-5678")]          // nor 900-999 (ITINs)
    [InlineData("123-00-4567")]          // group 00
    [InlineData("123-45-0000")]          // serial 0000
    [InlineData("123-45 6789")]          // mixed separators
    [InlineData("order 123456789 shipped")] // nine digits with nothing saying it is an SSN
    [InlineData("INV-123-45-6789")]      // part of an identifier
    [InlineData("ref 123-45-6789-01")]   // part of a longer number
    [InlineData("call 555-123-4567")]    // a phone number
    [InlineData("on 2026-12-01, the 12-month plan for $123.45")]
    public void Numbers_that_are_not_social_security_numbers_are_kept(string text)
    {
        var redacted = SensitiveDataRedactor.Redact(text);

        Assert.Equal(text, redacted.Text);
        Assert.Empty(redacted.Removed);
    }
}
