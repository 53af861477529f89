using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch;

/// <summary>
/// Computes the launch checklist from the product's state: finds the version to launch, reads the gate report once,
/// then runs every registered check in order. Nothing is cached: each call looks at the evidence as it is now.
/// </summary>
public sealed class LaunchReadiness(IEnumerable<ILaunchCheck> checks, LaunchTargetResolver targets, IOptions<LaunchOptions> options, TimeProvider clock)
{
    public async Task<LaunchChecklist> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var target = await targets.ResolveAsync(cancellationToken);
        var context = new LaunchContext(now, target, GateReportReader.Read(options.Value.GateReportPath));
        var items = new List<LaunchItem>();
        foreach (var check in checks)
        {
            items.Add(await check.CheckAsync(context, cancellationToken));
        }
        return new LaunchChecklist(now, target.Version, target.Source, items);
    }
}
