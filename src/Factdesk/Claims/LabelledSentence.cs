namespace Factdesk.Claims;

/// <summary>
/// One sentence of a check-worthiness data set. <see cref="Group"/> is the unit that is ranked and split as a whole
/// (a debate, a tweet topic, or the sentence itself); <see cref="IsDevelopment"/> marks the held-out part that
/// training never sees and evaluation scores by default.
/// </summary>
public sealed record LabelledSentence(string Id, string Group, string Text, bool Label, bool IsDevelopment);
