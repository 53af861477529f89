using System.Text.Json;
using Assistant.Core.Privacy;
using Xunit;

namespace Assistant.Core.Tests.Privacy;

public sealed class JsonRedactorTests
{
    [Fact]
    public void Every_string_and_card_shaped_number_in_tool_arguments_is_redacted()
    {
        var arguments = JsonDocument.Parse("""
            {"subject": "Charged twice", "body": "card 4111 1111 1111 1111, SSN 123-45-6789", "tags": ["password: hunter22"], "amount": 4111111111111111, "invoice": "INV-2026-0142"}
            """).RootElement;

        var (redacted, removed) = JsonRedactor.Redact(arguments);

        Assert.Equal("card [card •••• 1111], SSN [SSN removed]", redacted.GetProperty("body").GetString());
        Assert.Equal("password: [secret removed]", redacted.GetProperty("tags")[0].GetString());
        Assert.Equal("[card •••• 1111]", redacted.GetProperty("amount").GetString());
        Assert.Equal(("Charged twice", "INV-2026-0142"), (redacted.GetProperty("subject").GetString(), redacted.GetProperty("invoice").GetString()));
        Assert.Equal([SensitiveDataKind.CardNumber, SensitiveDataKind.SocialSecurityNumber, SensitiveDataKind.Secret], removed);
    }

    [Fact]
    public void Arguments_without_sensitive_data_come_back_unchanged()
    {
        var arguments = JsonDocument.Parse("""{"invoice": "INV-2026-0142", "amount": 120.5, "note": "order 123456789"}""").RootElement;

        var (redacted, removed) = JsonRedactor.Redact(arguments);

        Assert.Equal(arguments.GetRawText(), redacted.GetRawText());
        Assert.Empty(removed);
    }

    [Fact]
    public void A_stored_text_says_which_kinds_were_removed_from_it()
    {
        var stored = SensitiveDataRedactor.Redact("SSN 123-45-6789 and card 4111 1111 1111 1111").Text;

        Assert.Equal([SensitiveDataKind.CardNumber, SensitiveDataKind.SocialSecurityNumber], SensitiveDataRedactor.MarkersIn(stored));
        Assert.Empty(SensitiveDataRedactor.MarkersIn("INV-2026-0142"));
    }

    [Fact]
    public void The_notice_names_what_was_removed()
    {
        var notice = SensitiveDataNotice.For([SensitiveDataKind.CardNumber, SensitiveDataKind.SocialSecurityNumber]);

        Assert.NotNull(notice);
        Assert.StartsWith("I removed a card number and a Social Security number from your message", notice.Message);
        Assert.Null(SensitiveDataNotice.For([]));
    }
}
