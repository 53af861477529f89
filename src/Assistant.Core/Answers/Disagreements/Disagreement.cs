namespace Assistant.Core.Answers.Disagreements;

/// <summary>Sources that state different figures for the same thing (two refund windows, say): all of them are shown.</summary>
public sealed record Disagreement(string Unit, IReadOnlyList<SourceFigure> Sources);
