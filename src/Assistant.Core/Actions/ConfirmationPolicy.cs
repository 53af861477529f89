namespace Assistant.Core.Actions;

/// <summary>Who must say yes before a tool runs.</summary>
public enum ConfirmationPolicy
{
    /// <summary>Read-only tools on the user's own records run at once.</summary>
    None,

    /// <summary>The user who asked confirms the preview.</summary>
    User,

    /// <summary>A support agent (or admin) approves in the review queue.</summary>
    Agent,

    /// <summary>Only an admin may approve (for example refunds above a configured amount).</summary>
    Admin,
}
