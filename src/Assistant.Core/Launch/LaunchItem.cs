namespace Assistant.Core.Launch;

/// <summary>
/// One line of the launch checklist: what it checks (<see cref="Definition"/>), where it stands, the evidence it saw
/// (<see cref="Detail"/>: figures, dates, counts) and where to fix it.
/// </summary>
public sealed record LaunchItem(string Id, string Title, string Definition, LaunchState State, string Detail, LaunchFix Fix);
