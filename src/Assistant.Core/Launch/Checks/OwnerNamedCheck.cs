using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>Someone answers for the launch: named in configuration, so changing it goes through a deployment's review.</summary>
public sealed class OwnerNamedCheck(IOptions<LaunchOptions> options) : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("owner-named", "Owner named",
        "Assistant:Launch:Owner names the person who answers for the launch and is paged when an alert escalates.",
        new LaunchFix("Set Assistant:Launch:Owner (e.g. Assistant__Launch__Owner=\"Ada Lovelace <ada@example.com>\")."));

    public Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(options.Value.Owner)
            ? Spec.NotReady("No owner: Assistant:Launch:Owner is not set.")
            : Spec.Ready($"Owner: {options.Value.Owner.Trim()} (Assistant:Launch:Owner)."));
}
