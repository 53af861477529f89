namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>Answers and failed requests per second of the run, by when they ended: the dip and the recovery around a kill.</summary>
internal sealed record Timeline(IReadOnlyList<int> Answers, IReadOnlyList<int> Errors)
{
    public static Timeline Of(IReadOnlyList<RequestRecord> records, double endSeconds)
    {
        var seconds = (int)Math.Ceiling(Math.Max(endSeconds, records.Count == 0 ? 0 : records.Max(r => r.End)));
        var answers = new int[seconds];
        var errors = new int[seconds];
        foreach (var record in records)
        {
            var second = Math.Min((int)record.End, seconds - 1);
            if (record.Ok && record.Kind == RequestRecord.Answer)
            {
                answers[second]++;
            }
            else if (!record.Ok)
            {
                errors[second]++;
            }
        }
        return new Timeline(answers, errors);
    }
}
