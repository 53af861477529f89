using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Assistant.Core.Embeddings.Local;

/// <summary>
/// all-MiniLM-L6-v2 run directly on ONNX Runtime: BERT word pieces (<see cref="BertBasicTokenization"/>, then
/// Microsoft.ML.Tokenizers' word-piece step over the package's vocabulary), texts batched by length, mean pooling over
/// real tokens, unit length. The package's own encoder reads accented words, the first word after a line break and
/// short words missing from the vocabulary as [UNK]; elsewhere the vectors are the package's (cosine above 0.999).
/// </summary>
internal sealed class MiniLmOnnxEncoder : IDisposable
{
    /// <summary>The model's position table ends here; longer texts are cut, as the package does.</summary>
    public const int MaxTokens = 512;

    public const int Dimensions = 384;

    private const int BatchTokenBudget = 512;
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly BertTokenizer _tokenizer;

    // One inference per core, whoever calls: callers may already run batches side by side.
    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount);

    public MiniLmOnnxEncoder()
    {
        // One thread per inference: the cores are used by inferences side by side, which measured no slower than
        // splitting each inference and needs no spinning thread pool on a shared machine.
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(MiniLmPackageFiles.Model(), _options);
        _outputNames = [_session.OutputMetadata.Keys.First()];
        using var vocabulary = MiniLmPackageFiles.Vocabulary();
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { ApplyBasicTokenization = false, LowerCaseBeforeTokenization = false });
    }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var tokens = texts.Select(text => _tokenizer.EncodeToIds(BertBasicTokenization.Apply(text), MaxTokens, out _, out _)).ToArray();
        var vectors = new float[texts.Count][];
        Parallel.ForEach(
            LengthBuckets.Group([.. tokens.Select(ids => ids.Count)], BatchTokenBudget),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            batch => Run(batch, tokens, vectors, cancellationToken));
        return vectors;
    }

    private void Run(int[] batch, IReadOnlyList<int>[] tokens, float[][] vectors, CancellationToken cancellationToken)
    {
        var length = batch.Max(index => tokens[index].Count);
        var inputIds = new long[batch.Length * length];
        var attentionMask = new long[batch.Length * length];
        for (var row = 0; row < batch.Length; row++)
        {
            var ids = tokens[batch[row]];
            for (var position = 0; position < ids.Count; position++)
            {
                inputIds[row * length + position] = ids[position];
                attentionMask[row * length + position] = 1;
            }
        }

        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape);
        using var runOptions = new RunOptions();
        using var cancellation = cancellationToken.Register(() => runOptions.Terminate = true);

        _cores.Wait(cancellationToken);
        try
        {
            using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], _outputNames);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            for (var row = 0; row < batch.Length; row++)
            {
                vectors[batch[row]] = MeanOfRealTokens(hidden.Slice(row * length * Dimensions, length * Dimensions), tokens[batch[row]].Count);
            }
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            _cores.Release();
        }
    }

    private static float[] MeanOfRealTokens(ReadOnlySpan<float> hidden, int count)
    {
        var vector = new float[Dimensions];
        for (var position = 0; position < count; position++)
        {
            TensorPrimitives.Add(vector, hidden.Slice(position * Dimensions, Dimensions), vector);
        }
        // Dividing by the token count would cancel in the L2 normalisation.
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
        _cores.Dispose();
    }
}
