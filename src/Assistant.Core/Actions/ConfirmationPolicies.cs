namespace Assistant.Core.Actions;

internal static class ConfirmationPolicies
{
    /// <summary>The policy that asks more of whoever decides: a preview can raise a tool's policy, never lower it.</summary>
    public static ConfirmationPolicy Stricter(ConfirmationPolicy a, ConfirmationPolicy b) => (ConfirmationPolicy)Math.Max((int)a, (int)b);
}
