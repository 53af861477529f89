namespace Assistant.Core.Answers.Disagreements;

/// <summary>One source's figure in a disagreement: what it says, in which article, and the passage number to cite.</summary>
public sealed record SourceFigure(string Figure, int Passage, string DocumentId, string Title, string Quote);

/// <summary>Sources that state different figures for the same thing (two refund windows, say): all of them are shown.</summary>
public sealed record Disagreement(string Unit, IReadOnlyList<SourceFigure> Sources);
