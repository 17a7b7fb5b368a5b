using System.CommandLine;
using System.Text.Json;
using Factdesk.FactChecks;
using Factdesk.Ingestion.Batch;

namespace Factdesk.Cli;

/// <summary>
/// `--log FILE`: one JSON object a line for every input a batch command handled, each naming the input, so that a
/// run over thousands of files can be searched and counted afterwards (`jq 'select(.level == "error")'`). Appends,
/// so several runs can share one log; written once the batch is done, so it never slows the work.
/// </summary>
internal static class RunLog
{
    public static Option<string?> Option() => new("--log")
    {
        Description = "Also append one JSON object a line per input (time, level, command, input, event, reason) to this file",
        HelpName = "FILE",
    };

    public static void Ingest(string? path, IEnumerable<IngestOutcome> outcomes) =>
        Append(path, outcomes.Select(o => Line("ingest", o.Name, o.Status switch
        {
            IngestStatus.Stored => ("info", "stored"),
            IngestStatus.StoredCopy => ("info", "stored-copy"),
            IngestStatus.AlreadyStored => ("info", "already-stored"),
            _ => ("error", "failed"),
        }, o.Reason, w =>
        {
            if (o.Id is { } id) w.WriteNumber("id", id);
            if (o.CopyOf is { } copyOf) w.WriteNumber("copyOf", copyOf);
        })));

    public static void Import(string? path, IEnumerable<FileImport> files) =>
        Append(path, files.SelectMany(ImportLines));

    private static IEnumerable<string> ImportLines(FileImport file)
    {
        if (file.FileError is not null)
        {
            yield return Line("import", file.Path, ("error", "failed"), file.FileError, _ => { });
            yield break;
        }
        foreach (var item in file.Failed)
            yield return Line("import", $"{file.Path} {item.Location}", ("error", "record-failed"), item.Error, _ => { });
        yield return Line("import", file.Path, (file.Failed.Count > 0 ? "warning" : "info", "imported"), null, w =>
        {
            w.WriteString("format", file.Format);
            w.WriteNumber("read", file.Read);
            w.WriteNumber("imported", file.Imported);
            w.WriteNumber("alreadyThere", file.AlreadyThere);
            w.WriteNumber("failed", file.Failed.Count);
        });
    }

    private static string Line(string command, string input, (string Level, string Event) what, string? reason, Action<Utf8JsonWriter> extra)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("time", DateTimeOffset.UtcNow);
            w.WriteString("level", what.Level);
            w.WriteString("command", command);
            w.WriteString("input", input);
            w.WriteString("event", what.Event);
            if (reason is not null) w.WriteString("reason", reason);
            extra(w);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Append(string? path, IEnumerable<string> lines)
    {
        if (path is null) return;
        OutputFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream);
            foreach (var line in lines)
                writer.WriteLine(line);
        }, append: true);
    }
}
