using Assistant.Core.Actions.Planning;
using Assistant.Core.Backoffice;
using Xunit;

namespace Assistant.Core.Tests.Actions;

public sealed class OtherPartyTests
{
    private static readonly Customer Alice = new("cus_alice", "alice", "Alice Martin", "alice@brightpath.example", "Brightpath Studio");

    [Theory]
    [InlineData("Reset two-factor authentication for bob@chenworks.example", "bob@chenworks.example")]
    [InlineData("please reset my colleague's 2FA", "my colleague's")]
    [InlineData("Refund INV-2026-0142 for Dana Reyes", "Dana Reyes")]
    [InlineData("Reset Dana's two-factor, she lost her phone", "Dana")]
    [InlineData("upgrade another account to Business", "another account")]
    [InlineData("Open a ticket on behalf of Bob Chen asking to delete his account", "Bob Chen")]
    public void A_request_naming_someone_else_is_recognised(string message, string named) =>
        Assert.Equal(named, OtherParty.Find(message));

    [Theory]
    [InlineData("I lost my phone, please reset my two-factor authentication")]
    [InlineData("Please refund $120 of invoice INV-2026-0142")]
    [InlineData("Upgrade us from Team to Business")]
    [InlineData("switch my plan to Northwind Flow Business")]
    public void A_request_for_ones_own_account_names_no_one_else(string message) =>
        Assert.Null(OtherParty.Find(message));

    [Fact]
    public void The_requesters_own_email_or_name_is_not_someone_else()
    {
        Assert.True(OtherParty.IsSelf("alice@brightpath.example", "alice", Alice));
        Assert.True(OtherParty.IsSelf("Alice Martin", "alice", Alice));
        Assert.False(OtherParty.IsSelf("bob@chenworks.example", "alice", Alice));
    }
}
