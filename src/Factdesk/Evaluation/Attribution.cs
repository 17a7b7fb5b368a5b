using Factdesk.Documents;

namespace Factdesk.Evaluation;

/// <summary>A character range of an attribution role; a brat span in several fragments is kept as its outer bounds.</summary>
public sealed record RoleSpan(int Start, int End) : ISpan;

/// <summary>One attribution relation: what was said, the cue that reports it and who said it (either may be missing).</summary>
public sealed record Attribution(RoleSpan Content, RoleSpan? Cue, RoleSpan? Source);
