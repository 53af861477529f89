using Assistant.Core.Retrieval;

namespace Assistant.Core.Answers;

/// <summary>A retrieved passage as the generator sees it: numbered [1], [2], ... in retrieval order.</summary>
public sealed record Passage(int Number, SearchHit Hit)
{
    public string Text => Hit.Text;
}
