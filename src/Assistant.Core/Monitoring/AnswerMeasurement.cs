namespace Assistant.Core.Monitoring;

/// <summary>
/// One answer as the metrics see it. <paramref name="Dropped"/> and <paramref name="Marked"/> split the drafted
/// sentences no source supported by what verification did with them; <paramref name="Citations"/> is null unless the
/// question was answered, <paramref name="TopScore"/> null when nothing was retrieved.
/// </summary>
public sealed record AnswerMeasurement(
    string Outcome,
    string Generator,
    double Seconds,
    int Drafted,
    int Dropped,
    int Marked,
    int? Citations,
    double? TopScore);
