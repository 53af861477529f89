using Assistant.Core.Feedback;
using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Core.Tracing;
using Xunit;

namespace Assistant.Core.Tests.Releases;

public abstract class ArmSamplesTests(StorageProvider provider) : StoreContractTests(provider)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private IArmSamples Samples => field ??= Database.Pick<IArmSamples>(sqlite => new SqliteArmSamples(sqlite), postgres => new PostgresArmSamples(postgres));

    [Fact]
    public async Task Both_arms_count_only_their_own_versions_answers_since_the_start_with_their_ratings()
    {
        await AnswerAsync(ReleaseArm.Stable, "v1", "Answered", 100, 0.001m, drafted: 4, supported: 4, rating: FeedbackRating.Up);
        await AnswerAsync(ReleaseArm.Stable, "v1", "Abstained", 300, 0.002m, drafted: 0, supported: 0);
        await AnswerAsync(ReleaseArm.Candidate, "v2", "Answered", 200, 0.004m, drafted: 4, supported: 1, rating: FeedbackRating.Down);
        await AnswerAsync(ReleaseArm.Candidate, "v2", "Failed", 50, 0m, drafted: 0, supported: 0);
        // Not counted: another version, a step of the action flow, an answer from before the rollout started.
        await AnswerAsync(ReleaseArm.Candidate, "v3", "Answered", 999, 1m, drafted: 9, supported: 0);
        await AnswerAsync(ReleaseArm.Stable, "v1", "ActionRequested", 999, 1m, drafted: 0, supported: 0);
        await AnswerAsync(ReleaseArm.Stable, "v1", "Answered", 999, 1m, drafted: 9, supported: 0, at: Start.AddMinutes(-1));

        var (stable, candidate) = await Samples.ReadAsync("v1", "v2", Start, Cancel);

        Assert.Equal(new ArmSample(2, 4, 0, 1, 0, 1, 0, 300, 0.003m), stable);
        Assert.Equal(new ArmSample(2, 4, 3, 1, 1, 0, 1, 200, 0.004m), candidate);
    }

    [Fact]
    public async Task Before_any_answer_was_traced_both_arms_are_empty()
    {
        Assert.Equal((ArmSample.Empty, ArmSample.Empty), await Samples.ReadAsync("v1", "v2", Start, Cancel));
    }

    private async Task AnswerAsync(string arm, string version, string outcome, double milliseconds, decimal cost, int drafted, int supported,
        string? rating = null, DateTimeOffset? at = null)
    {
        var trace = new AnswerTrace(Ids.New("trace"), null, "alice", "How do refunds work?", "refunds", [], "answer-v2", "model", "m", 10, 10, "provider",
            cost, new StageLatency(0, 0, 0, 0, milliseconds), 0.8, new VerificationSummary(drafted, supported, drafted - supported, 0), outcome, null,
            at ?? Start.AddMinutes(5)) { ConfigVersion = version, ReleaseArm = arm };
        // The arm samples read the trace and feedback stores' tables and own none of them.
        await Database.Pick<ITraceStore>(sqlite => new SqliteTraceStore(sqlite), postgres => new PostgresTraceStore(postgres)).WriteAsync(trace, Cancel);
        if (rating is not null)
        {
            await Database.Pick<IFeedbackStore>(sqlite => new SqliteFeedbackStore(sqlite), postgres => new PostgresFeedbackStore(postgres))
                .SaveAsync(trace.Id, "alice", new FeedbackSubmission(rating, rating == FeedbackRating.Down ? ["wrong-answer"] : null), Cancel);
        }
    }

    public sealed class OnSqlite() : ArmSamplesTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : ArmSamplesTests(StorageProvider.PostgreSQL);
}
