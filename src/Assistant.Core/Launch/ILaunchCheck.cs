namespace Assistant.Core.Launch;

/// <summary>One item of the launch checklist, computed from the product's state. Registered in checklist order.</summary>
public interface ILaunchCheck
{
    Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken);
}
