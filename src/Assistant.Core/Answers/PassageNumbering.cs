using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Retrieval;

namespace Assistant.Core.Answers;

/// <summary>Numbers hits as passages [1]…[n] and marks each one's open content flags (those no admin has cleared) as untrusted.</summary>
public sealed class PassageNumbering(IFlagReviewStore reviews)
{
    public async Task<List<Passage>> NumberAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        var cleared = hits.Any(hit => hit.Flags.Count > 0) ? await reviews.GetClearedAsync(cancellationToken) : null;
        return hits
            .Select((hit, i) => new Passage(i + 1, hit)
            {
                Untrusted = cleared is null ? [] : hit.Flags.Where(flag => !cleared.ContainsKey((hit.DocumentId, flag.Hash))).ToList(),
            })
            .ToList();
    }
}
