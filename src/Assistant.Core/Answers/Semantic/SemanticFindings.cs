namespace Assistant.Core.Answers.Semantic;

/// <summary>What the sentence model saw: the best passage sentence's similarity to the question, and per top passage each missing word's best similarity to one of its sentences.</summary>
public sealed record SemanticFindings(double QuestionSimilarity, IReadOnlyList<Dictionary<string, double>> WordSimilarities);
