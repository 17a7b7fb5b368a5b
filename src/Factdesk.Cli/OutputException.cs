namespace Factdesk.Cli;

/// <summary>A file the user asked us to write cannot be written; the message names the file and the reason.</summary>
public sealed class OutputException(string path, string problem) : Exception($"{path}: {problem}");
