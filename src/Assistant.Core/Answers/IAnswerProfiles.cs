namespace Assistant.Core.Answers;

/// <summary>Chooses the <see cref="AnswerProfile"/> one answer is made with; asked once per answer, so it must be cheap.</summary>
public interface IAnswerProfiles
{
    /// <param name="userId">Who asks (a rollout may answer some users with a candidate); null for an anonymous caller.</param>
    ValueTask<AnswerProfile> ForAsync(string? userId, CancellationToken cancellationToken = default);
}
