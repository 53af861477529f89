namespace Assistant.Core.Answers.Disagreements;

/// <summary>One source's figure in a disagreement: what it says, in which article, and the passage number to cite.</summary>
public sealed record SourceFigure(string Figure, int Passage, string DocumentId, string Title, string Quote);
