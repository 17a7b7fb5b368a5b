using Factdesk.Ingestion;
using Factdesk.Learning;

namespace Factdesk.Claims;

/// <summary>
/// CLEF 2019 CheckThat! task 1: a folder of debate transcripts, one TSV per debate with
/// line number, speaker, text and label (1 = fact-checked) and no header. The debate is the group; whole debates are
/// held out for development, so no debate is split between training and scoring.
/// </summary>
public static class Clef2019Reader
{
    public const double DevelopmentShare = 0.25;

    public static IReadOnlyList<LabelledSentence> Read(string directory)
    {
        if (!Directory.Exists(directory)) throw new InputException(directory, "no such directory");
        var files = Directory.EnumerateFiles(directory, "*.tsv").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new InputException(directory, "holds no .tsv debate transcripts");
        return files.SelectMany(ReadDebate).ToArray();
    }

    public static IEnumerable<LabelledSentence> ReadDebate(string path)
    {
        var debate = Path.GetFileNameWithoutExtension(path);
        var heldOut = StableSplit.IsDevelopment(debate, DevelopmentShare);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length != 4 || fields[3].Trim() is not ("0" or "1"))
                throw new InputException($"{path}:{number}", "expected line number, speaker, text and a 0/1 label separated by tabs");
            yield return new LabelledSentence($"{debate}:{fields[0]}", debate, fields[2], fields[3].Trim() == "1", heldOut);
        }
    }
}
