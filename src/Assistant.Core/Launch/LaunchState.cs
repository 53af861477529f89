namespace Assistant.Core.Launch;

/// <summary>Where one checklist item stands.</summary>
public enum LaunchState
{
    /// <summary>The evidence shows the item is done.</summary>
    Ready,

    /// <summary>The evidence shows it is not done, or the evidence is missing.</summary>
    NotReady,

    /// <summary>The product cannot know from here (the item's detail says why); it does not count as ready.</summary>
    Unknown,
}
