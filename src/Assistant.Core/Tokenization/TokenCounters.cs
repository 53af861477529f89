namespace Assistant.Core.Tokenization;

/// <summary>Service keys for the two token counters: the cheap estimate for chunk sizing, the exact BPE for accounting.</summary>
public static class TokenCounters
{
    public const string Exact = "exact";
}
