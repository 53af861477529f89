namespace Assistant.Core.Tracing;

public interface ITraceStore
{
    Task WriteAsync(AnswerTrace trace, CancellationToken cancellationToken = default);

    Task<AnswerTrace?> GetAsync(string id, CancellationToken cancellationToken = default);
}
