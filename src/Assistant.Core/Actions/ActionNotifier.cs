namespace Assistant.Core.Actions;

/// <summary>
/// Tells open pages that an action changed, so a user's chat card shows the agent's decision without a reload. It
/// is in-process: with several web replicas, put a shared bus (Redis pub/sub, Postgres NOTIFY) behind it.
/// </summary>
public sealed class ActionNotifier
{
    public event Action<ActionView>? Changed;

    public void Publish(ActionView action) => Changed?.Invoke(action);
}
