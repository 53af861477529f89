namespace Assistant.Core.Storage;

/// <summary>
/// A sentence of an article that speaks to the assistant or gives it instructions. Start and End are character
/// offsets into the source file, like a chunk's, and Line the file line it starts on; Hash identifies the sentence's text, so an admin's review of it holds
/// while the text is unchanged and lapses when it is edited.
/// </summary>
public sealed record ContentFlag(int Start, int End, int Line, string Reason, string Hash);
