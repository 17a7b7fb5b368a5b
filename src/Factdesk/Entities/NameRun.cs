namespace Factdesk.Entities;

/// <summary>
/// A run of capitalised tokens that may name an entity: token indexes [First, Last] of the document's tokens.
/// <see cref="Prefix"/> holds the honorifics and titles that stood before the name ("Lt. Gen.", "President").
/// </summary>
internal sealed record NameRun(int First, int Last, int Start, int End, string Surface, string? Prefix);
