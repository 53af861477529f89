namespace Assistant.Core.Insights;

/// <summary>The accounts the assistant is meant for: adoption is the share of them that used it.</summary>
public interface IEligibleAccounts
{
    IReadOnlySet<string> UserIds { get; }
}
