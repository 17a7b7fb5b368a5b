using Factdesk.Ingestion;

namespace Factdesk.Evaluation;

/// <summary>One sentence of a CoNLL file: its tokens and their named-entity tags (the last column).</summary>
public sealed record ConllSentence(string[] Tokens, string[] Tags);

/// <summary>The sentences between two -DOCSTART- lines: one news story.</summary>
public sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences);

/// <summary>
/// Reads CoNLL-2003 style files: one token per line with space-separated columns, the entity tag last; a blank
/// line ends a sentence and a -DOCSTART- line a document. Tags may be IOB1 or IOB2 (O, I-X, B-X).
/// </summary>
public static class ConllCorpus
{
    public static IReadOnlyList<ConllDocument> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static IReadOnlyList<ConllDocument> Read(TextReader reader, string name)
    {
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;

        void EndSentence()
        {
            if (tokens.Count > 0) sentences.Add(new ConllSentence([.. tokens], [.. tags]));
            tokens.Clear();
            tags.Clear();
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0) documents.Add(new ConllDocument([.. sentences]));
            sentences.Clear();
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = line.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                EndSentence();
                continue;
            }
            if (fields[0] == "-DOCSTART-")
            {
                EndDocument();
                continue;
            }
            if (fields.Length < 2)
                throw new InputException(name, $"line {lineNumber}: expected a token and a tag separated by spaces");
            var tag = fields[^1];
            if (!IsTag(tag))
                throw new InputException(name, $"line {lineNumber}: '{tag}' is not an entity tag (O, B-TYPE or I-TYPE)");
            tokens.Add(fields[0]);
            tags.Add(tag);
        }
        EndDocument();
        if (documents.Count == 0) throw new InputException(name, "holds no tagged tokens");
        return documents;
    }

    private static bool IsTag(string tag) =>
        tag == "O" || tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I';
}
