using System.Text.RegularExpressions;
using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Pipeline;
using Factdesk.Segmentation;

namespace Factdesk.Evaluation;

/// <summary>One PolNeAR article: its raw text and the gold relations of its first annotator.</summary>
public sealed record PolnearArticle(string Name, string TextPath, string Text, IReadOnlyList<Attribution> Gold);

/// <summary>
/// Quote attribution on PolNeAR (`DIR/text/*.txt`, `DIR/attributions/&lt;article&gt;_&lt;annotator&gt;.ann`): Factdesk's
/// quotes on each raw article, scored by <see cref="AttributionScorer"/>.
/// </summary>
public static partial class PolnearBenchmark
{
    public const string TaskName = "quotes";

    // How far from its content a quote's cue word is looked for.
    private const int CueWindow = 300;

    /// <summary>Articles in file-name order; with several annotators, the first annotator id (ordinal order) is used.</summary>
    public static List<PolnearArticle> Read(string dir)
    {
        var annotations = Path.Combine(dir, "attributions");
        var texts = Path.Combine(dir, "text");
        if (!Directory.Exists(annotations) || !Directory.Exists(texts))
            throw new InputException(dir, "not a PolNeAR split: expected text/ and attributions/ folders");
        var first = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(annotations, "*.ann").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var underscore = stem.LastIndexOf('_');
            if (underscore <= 0) continue;
            first.TryAdd(stem[..underscore], file);
        }
        var articles = new List<PolnearArticle>();
        foreach (var (name, ann) in first)
        {
            var textPath = Path.Combine(texts, name + ".txt");
            if (!File.Exists(textPath)) throw new InputException(ann, $"no article text at {textPath}");
            articles.Add(new PolnearArticle(name, textPath, File.ReadAllText(textPath), BratAttributions.Parse(File.ReadAllText(ann), ann)));
        }
        return articles;
    }

    /// <summary>Runs <paramref name="pipeline"/> on each article's raw text (offsets stay the corpus's) and scores its quotes.</summary>
    public static (AttributionScorer Scorer, List<IReadOnlyList<Attribution>> Predictions) Run(AnalysisPipeline pipeline, IReadOnlyList<PolnearArticle> articles)
    {
        var scorer = new AttributionScorer();
        var predictions = new List<IReadOnlyList<Attribution>>();
        foreach (var article in articles)
        {
            var document = new Document(article.Text, new SourceInfo(article.TextPath));
            pipeline.Process(document);
            var predicted = Relations(document);
            scorer.Add(article.Text, article.Gold, predicted);
            predictions.Add(predicted);
        }
        return (scorer, predictions);
    }

    /// <summary>Scores a learned <paramref name="tagger"/> on each article, segmented and with entities, its relations taken as they are.</summary>
    public static (AttributionScorer Scorer, List<IReadOnlyList<Attribution>> Predictions) Run(Quotes.AttributionTagger tagger, IReadOnlyList<PolnearArticle> articles)
    {
        var scorer = new AttributionScorer();
        var predictions = new List<IReadOnlyList<Attribution>>();
        foreach (var (article, document) in articles.Zip(Analysed(articles)))
        {
            var predicted = tagger.Relations(document);
            scorer.Add(article.Text, article.Gold, predicted);
            predictions.Add(predicted);
        }
        return (scorer, predictions);
    }

    /// <summary>Each article's raw text segmented and with its entities: what the attribution tagger reads.</summary>
    public static IEnumerable<Document> Analysed(IReadOnlyList<PolnearArticle> articles)
    {
        var pipeline = new PipelineBuilder().Add(new Segmenter()).Add(new Entities.EntityRecognizer()).Build();
        foreach (var article in articles)
        {
            var document = new Document(article.Text, new SourceInfo(article.TextPath));
            pipeline.Process(document);
            yield return document;
        }
    }

    /// <summary>
    /// Factdesk's quotes as PolNeAR relations. A Quote holds the quoted words only, while PolNeAR's Content is the whole
    /// attributed statement: "said Friday that if she won, “she would sign it”" starts after the cue, and
    /// "“If ...,” the narrator says, “what ...?”" is one relation around its cue. Both are mapped here, not in the finder.
    /// </summary>
    public static List<Attribution> Relations(Document document)
    {
        var relations = new List<Attribution>();
        foreach (var quote in document.Quotes)
        {
            var relation = ToAttribution(document, quote);
            if (relations.Count > 0 && relations[^1] is { Cue: { } cue } last && cue == relation.Cue && last.Source == relation.Source)
                relations[^1] = last with { Content = new RoleSpan(last.Content.Start, Math.Max(last.Content.End, relation.Content.End)) };
            else
                relations.Add(relation);
        }
        return relations;
    }

    private static Attribution ToAttribution(Document document, Quote quote)
    {
        var text = document.Text;
        var source = quote.SpeakerStart is { } start && quote.SpeakerEnd is { } end ? new RoleSpan(start, end) : null;
        var cue = CueSpan(text, quote);
        var contentStart = quote.Start;
        if (quote.Kind == QuoteKind.Direct && cue is not null && cue.End <= quote.Start && SameSentence(document, cue.End, quote.Start))
        {
            contentStart = cue.End;
            // The speaker after the cue ("said spokesman X: “...”") is no part of what was said.
            if (source is not null && source.Start >= cue.End && source.End <= quote.Start) contentStart = source.End;
            contentStart = SkipLeadIn(text, contentStart, quote.Start);
        }
        return new Attribution(new RoleSpan(contentStart, quote.End), cue, source);
    }

    private static bool SameSentence(Document document, int from, int to) =>
        document.Sentences.SentenceAt(from) is { } sentence && sentence.End >= to;

    // "said Friday that ...": the date and "that" lead in to the content rather than belong to it.
    private static int SkipLeadIn(string text, int from, int limit)
    {
        var lead = LeadIn().Match(text, from, limit - from);
        return lead.Success ? from + lead.Length : from;
    }

    [GeneratedRegex(@"^[\s,:]*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|recently|later)\s*,?\s*)?(?:that\b)?[\s,:]*")]
    private static partial Regex LeadIn();

    // A quote keeps its cue's words, not where they are: the nearest whole-word occurrence outside the content.
    private static RoleSpan? CueSpan(string text, Quote quote)
    {
        if (string.IsNullOrWhiteSpace(quote.Cue)) return null;
        var from = Math.Max(0, quote.Start - CueWindow);
        var to = Math.Min(text.Length, quote.End + CueWindow);
        var pattern = new Regex(@"\b" + Regex.Escape(quote.Cue) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        RoleSpan? best = null;
        var bestDistance = int.MaxValue;
        foreach (Match m in pattern.Matches(text[from..to]))
        {
            var span = new RoleSpan(from + m.Index, from + m.Index + m.Length);
            if (span.Overlaps(quote)) continue;
            var distance = span.End <= quote.Start ? quote.Start - span.End : span.Start - quote.End;
            if (distance < bestDistance) (best, bestDistance) = (span, distance);
        }
        return best;
    }

    /// <summary>n is the number of gold relations.</summary>
    public static EvalReport Report(AttributionScorer scorer)
    {
        var metrics = new Dictionary<string, double>();
        void Add(string prefix, SpanScore score)
        {
            metrics[prefix + "_f1"] = score.F1;
            metrics[prefix + "_precision"] = score.Precision;
            metrics[prefix + "_recall"] = score.Recall;
        }
        Add("content", scorer.Content);
        Add("content_source", scorer.ContentSource);
        metrics["source_span_f1"] = scorer.SourceSpans.F1;
        metrics["cue_span_f1"] = scorer.CueSpans.F1;
        metrics["content_span_f1"] = scorer.ContentSpans.F1;
        return new EvalReport(TaskName, scorer.Gold, metrics);
    }
}
