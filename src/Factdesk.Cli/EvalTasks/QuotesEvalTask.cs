using System.CommandLine;
using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Pipeline;
using Factdesk.Quotes;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval quotes`: quote attribution (content, cue, speaker) on a PolNeAR split.</summary>
public sealed class QuotesEvalTask : IEvalTask
{
    private readonly Option<string> _polnear = new("--polnear")
    {
        Description = "A PolNeAR split: text/*.txt raw articles and attributions/<article>_<annotator>.ann brat files",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<string?> _predictions = new("--predictions")
    {
        Description = "Also write Factdesk's attributions as brat .ann files, one per article, into this folder",
        HelpName = "DIR",
    };

    private readonly Option<string?> _model = new("--model")
    {
        Description = "Score the learned attribution tagger saved by `factdesk train quotes` instead of the rule-based quote finder",
        HelpName = "FILE",
    };

    private readonly Option<bool> _greedy = new("--greedy")
    {
        Description = "With --model: decode the tags greedily, as the tagger is trained, instead of by Viterbi",
    };

    public string Name => PolnearBenchmark.TaskName;

    public string Description => "Quote attribution on PolNeAR: content and content+source precision, recall and F1, and span F1 per role";

    public IReadOnlyList<Option> Options => [_polnear, _model, _greedy, _predictions];

    public EvalReport Run(ParseResult parse)
    {
        var dir = parse.GetValue(_polnear)!;
        if (!Directory.Exists(dir)) throw new InputException(dir, "no such folder");
        var articles = PolnearBenchmark.Read(dir);
        var (scorer, predictions) = parse.GetValue(_model) is { } model
            ? PolnearBenchmark.Run(LoadTagger(model, parse.GetValue(_greedy)), articles)
            : PolnearBenchmark.Run(PipelineBuilder.CreateDefault().Build(), articles);
        if (parse.GetValue(_predictions) is { } output)
        {
            Directory.CreateDirectory(output);
            for (var i = 0; i < articles.Count; i++)
                OutputFile.Write(Path.Combine(output, articles[i].Name + ".ann"), BratAttributions.Write(articles[i].Text, predictions[i]));
        }
        return PolnearBenchmark.Report(scorer);
    }

    private static AttributionTagger LoadTagger(string path, bool greedy)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such model file; `factdesk train quotes` writes one");
        try
        {
            using var stream = File.OpenRead(path);
            var tagger = AttributionTagger.Load(stream);
            return greedy ? new AttributionTagger(tagger.Scorer, tagger.Features, tagger.Linker, tagger.ContentLinker) { Greedy = true, OutsideBias = tagger.OutsideBias, Second = tagger.Second } : tagger;
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, e.Message);
        }
    }
}
