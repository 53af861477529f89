using System.Net;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class TwoFactorResetTests
{
    [Fact]
    public async Task Approving_a_reset_needs_the_identity_check_note()
    {
        await using var factory = new AssistantWebFactory();
        using var bob = await factory.CreateIngestedClientAsync("bob");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var confirmed = await ProposeAndConfirmAsync(bob, "reset_two_factor", new { reason = "Lost my phone." });

        var (withoutNote, problem) = await PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve");
        var (withNote, executed) = await PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Verification link from the account email." });

        Assert.Equal("awaiting-approval", Status(confirmed));
        Assert.Equal(HttpStatusCode.BadRequest, withoutNote);
        Assert.Contains("reason", ErrorFields(problem));
        Assert.Equal((HttpStatusCode.OK, "executed"), (withNote, Status(executed)));
        Assert.Equal("Verification link from the account email.", Detail(executed, "Identity check"));
    }
}
