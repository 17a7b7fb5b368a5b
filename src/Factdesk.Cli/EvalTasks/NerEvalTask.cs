using System.CommandLine;
using Factdesk.Entities;
using Factdesk.Evaluation;
using Factdesk.Ingestion;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval ner`: the entity tagger on a CoNLL-2003 file, scored like conlleval.</summary>
public sealed class NerEvalTask : IEvalTask
{
    private readonly Option<string> _conll = new("--conll")
    {
        Description = "CoNLL-2003 file: `token ... tag` per line (IOB1 or IOB2), blank lines between sentences",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> _model = new("--model")
    {
        Description = "A model written by `factdesk train ner` [default: the one built into Factdesk]",
        HelpName = "FILE",
    };

    private readonly Option<string?> _predictions = new("--predictions")
    {
        Description = "Also write `token gold predicted` lines (conlleval input), a blank line after each sentence",
        HelpName = "FILE",
    };

    public string Name => NerBenchmark.TaskName;

    public string Description => "Named entities (PER, ORG, LOC, MISC) on CoNLL-2003: entity precision, recall and F1, overall and per type";

    public IReadOnlyList<Option> Options => [_conll, _model, _predictions];

    public EvalReport Run(ParseResult parse)
    {
        var documents = ConllCorpus.Read(parse.GetValue(_conll)!);
        var tagger = LoadTagger(parse.GetValue(_model));
        var (scorer, predictions) = NerBenchmark.Run(tagger, documents);
        if (parse.GetValue(_predictions) is { } file)
            OutputFile.Write(file, NerBenchmark.PredictionsText(documents, predictions));
        return NerBenchmark.Report(scorer);
    }

    private static NerTagger LoadTagger(string? path)
    {
        if (path is null)
            return NerTagger.Shipped ?? throw new InputException(NerTagger.ModelFile, "no entity model is built into Factdesk; run `factdesk train ner` and rebuild");
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        try
        {
            using var stream = File.OpenRead(path);
            return NerTagger.Load(stream);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InputException(path, "not an entity model written by `factdesk train ner`");
        }
    }
}
