namespace Assistant.Core.Evaluation.Release;

/// <summary>A case whose signal changed between the baseline and now, e.g. una-007 outcome Declined → Answered.</summary>
public sealed record CaseFlip(string CaseId, string Signal, string Before, string After);
