namespace Factdesk.Ingestion;

/// <summary>
/// Input that Factdesk cannot read. The message is one line a user can act on:
/// it names the input and the problem, and is printed without a stack trace.
/// </summary>
public sealed class InputException(string input, string problem) : Exception($"{input}: {problem}")
{
    public string Input { get; } = input;
    public string Problem { get; } = problem;
}
