namespace Assistant.Core.Tests.Architecture;

/// <summary>A line in a file of feature <paramref name="From"/> that names something in feature <paramref name="To"/>.</summary>
internal sealed record FeatureReference(string From, string To, string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
