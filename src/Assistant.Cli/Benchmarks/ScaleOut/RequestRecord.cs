namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// One HTTP request a simulated user made through the gateway, in seconds since the run's clock started.
/// </summary>
/// <param name="Kind">What it was: answer, conversation, search, propose, confirm, queue, approve, sign-in.</param>
/// <param name="Status">The HTTP status, or 0 when no response came (connection reset, timeout).</param>
/// <param name="Ok">A 2xx, or a status the scenario expects (a 409 for an approval another agent made first).</param>
internal sealed record RequestRecord(string Kind, double Start, double End, int Status, bool Ok)
{
    public const string Answer = "answer";

    public double LatencyMs => (End - Start) * 1000;

    /// <summary>A failure the gateway or the network gave, not the product: what a dying replica causes.</summary>
    public bool IsTransportFailure => !Ok && Status is 0 or 502 or 503 or 504;

    public string ErrorKey => $"{Kind} {(Status == 0 ? "no response" : Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
}
