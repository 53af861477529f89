namespace Assistant.Core.Knowledge.Sources;

/// <summary>
/// One path found in a knowledge folder: an article to read at <see cref="RealPath"/>, or a symbolic link that is not
/// followed, with the <see cref="Problem"/> that says why.
/// </summary>
internal sealed record FolderEntry(string RelativePath, string? RealPath, string? Problem = null);
