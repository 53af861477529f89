using Assistant.Core.Answers.Verification;
using Assistant.Core.Embeddings;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Answers.Semantic;

/// <summary>
/// Finds the question's words that a top passage lacks but says in other words ("languages" in a passage listing
/// "English, German, French and Spanish"), so lexical coverage stops declining paraphrased questions; and how close
/// the best passage sentence comes to the question as a whole. The question goes through the query generator, whose
/// cache retrieval has just filled with it (the question is usually the search query), so it is not embedded twice.
/// </summary>
public sealed class SemanticConfidence(
    SentenceEmbeddings embeddings,
    [FromKeyedServices(QueryEmbeddings.Key)] IEmbeddingGenerator<string, Embedding<float>> queries,
    EnglishAnalyzer analyzer)
{
    /// <summary>The best passage sentence's similarity to the question, and per top passage each missing word's best similarity to one of its sentences.</summary>
    public async Task<SemanticFindings> FindAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        var top = passages.Take(RetrievalConfidence.TopPassages).ToList();
        var missing = top.Select(passage => RetrievalConfidence.MissingWords(analyzer, question, passage.Hit)).ToList();
        var sentences = top.Select(Sentences).ToList();
        var words = missing.SelectMany(list => list).Distinct(StringComparer.Ordinal).ToList();
        var all = sentences.SelectMany(list => list).Distinct(StringComparer.Ordinal).ToList();
        var questionEmbedding = await queries.GenerateVectorAsync(question, cancellationToken: cancellationToken);
        var vectors = await embeddings.EmbedAsync([.. words, .. all], cancellationToken);
        var byText = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        foreach (var (text, i) in words.Concat(all).Select((text, i) => (text, i)))
        {
            byText[text] = vectors[i];
        }

        var similarities = top.Select((_, p) => missing[p].ToDictionary(word => word,
            word => sentences[p].Select(sentence => SentenceEmbeddings.Cosine(byText[word], byText[sentence])).DefaultIfEmpty(0).Max())).ToList();
        var best = all.Select(sentence => SentenceEmbeddings.Cosine(questionEmbedding, byText[sentence])).DefaultIfEmpty(0).Max();
        return new SemanticFindings(Math.Round(best, 4), similarities);
    }

    private static List<string> Sentences(Passage passage) =>
        EvidenceUnits.Of(passage.TrustedText).Select(unit => passage.TrustedText[unit].Trim()).Where(sentence => sentence.Length > 0).ToList();
}
