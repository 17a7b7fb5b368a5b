namespace Factdesk.Evaluation;

/// <summary>Another system's score on the same items, shown beside Factdesk's so a number has context.</summary>
public sealed record ReferenceScore(string System, EvalReport Report);
