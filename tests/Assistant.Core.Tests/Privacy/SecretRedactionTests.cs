using Assistant.Core.Privacy;
using Xunit;

namespace Assistant.Core.Tests.Privacy;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("my key is sk-proj-Q7mX2vLp9RtK4wZs8NbH3cJd, is it leaked?", "my key is [secret removed], is it leaked?")]
    [InlineData("sk-ant-api03-abcDEF1234567890ghijKL", "[secret removed]")]
    [InlineData("token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "token [secret removed]")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv", "[secret removed]")]
    [InlineData("AWS key AKIAIOSFODNN7EXAMPLE in the logs", "AWS key [secret removed] in the logs")]
    [InlineData("AIzaSyA1234567890abcdefghijklmnopqrstuv", "[secret removed]")]
    [InlineData("slack xoxb-1234567890-abcdefghij", "slack [secret removed]")]
    [InlineData("stripe sk_live_51H8abcdefGHIJKLmnop", "stripe [secret removed]")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt [secret removed]")]
    [InlineData("Authorization: Bearer abcdef0123456789ABCDEF.xyz", "Authorization: Bearer [secret removed]")]
    [InlineData("https://alice:Sup3rS3cret@example.com/api", "https://alice:[secret removed]@example.com/api")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY----- ok", "[secret removed] ok")]
    public void Keys_and_tokens_are_removed_by_their_shape(string text, string expected)
    {
        var redacted = SensitiveDataRedactor.Redact(text);

        Assert.Equal(expected, redacted.Text);
        Assert.Equal([SensitiveDataKind.Secret], redacted.Removed);
    }

    [Theory]
    [InlineData("password: hunter22", "password: [secret removed]")]
    [InlineData("Password=Tr0ub4dor&3", "Password=[secret removed]")]
    [InlineData("my password is Tr0ub4dor-3.", "my password is [secret removed].")]
    [InlineData("My password is sunshine, why can't I log in?", "My password is [secret removed], why can't I log in?")]
    [InlineData("the password for my account was 'correcthorse'", "the password for my account was '[secret removed]'")]
    [InlineData("my password is: Zebra!42", "my password is: [secret removed]")]
    [InlineData("api key = 3f9a8b7c6d5e4f3a2b1c", "api key = [secret removed]")]
    [InlineData("my PIN is 4921", "my PIN is [secret removed]")]
    [InlineData("access token: 9f8e7d6c5b4a39281706", "access token: [secret removed]")]
    public void Values_named_as_secrets_are_removed(string text, string expected)
    {
        var redacted = SensitiveDataRedactor.Redact(text);

        Assert.Equal(expected, redacted.Text);
        Assert.Equal([SensitiveDataKind.Secret], redacted.Removed);
    }

    [Theory]
    [InlineData("My password is not working")]
    [InlineData("my password is wrong, how do I reset it?")]
    [InlineData("The password is case-sensitive?")]
    [InlineData("my password was rejected twice")]
    [InlineData("my password expired")]
    [InlineData("password: please help")]
    [InlineData("What are the password requirements? Is 12 characters enough?")]
    [InlineData("How do I rotate an API key?")]
    [InlineData("the API key is missing from the header")]
    [InlineData("my token is expired")]
    [InlineData("the secret is out")]
    [InlineData("pin the article")]
    [InlineData("How do I use scikit sk-learn models?")]
    [InlineData("task-force-alpha-bravo-charlie-delta")]
    [InlineData("Bearer tokens expire after 60 minutes")]
    public void Questions_about_secrets_are_kept(string text)
    {
        var redacted = SensitiveDataRedactor.Redact(text);

        Assert.Equal(text, redacted.Text);
        Assert.Empty(redacted.Removed);
    }
}
