using System.CommandLine;
using Factdesk.Evaluation;
using Factdesk.Matching;

namespace Factdesk.Cli.EvalTasks;

/// <summary>`factdesk eval match`: finding the earlier fact-check of a claim, on the CheckThat! retrieval formats.</summary>
public sealed class MatchEvalTask : IEvalTask
{
    private readonly Option<string> _format = new("--format")
    {
        Description = "clef2020 (verified_claims.docs.tsv) or clef2022 (vclaims.zip of JSON files)",
        Required = true,
    };

    private readonly Option<string> _vclaims = new("--vclaims") { Description = "The fact-checked claims to search", HelpName = "FILE", Required = true };
    private readonly Option<string> _queries = new("--queries") { Description = "The queries (tweets) TSV", HelpName = "FILE", Required = true };
    private readonly Option<string> _qrels = new("--qrels") { Description = "Relevance judgements (TREC qrels); only judged queries are scored", HelpName = "FILE", Required = true };
    private readonly Option<string?> _predictions = new("--predictions") { Description = "Also write the ranking as a TREC run (qid Q0 docid rank score tag)", HelpName = "FILE" };

    private readonly RerankerOption _reranker = new();

    private readonly Option<string?> _tunedEncoder = new("--tuned-encoder")
    {
        Description = $"Fine-tuned MiniLM weights (src/Factdesk.Tuning) for a reranker trained with the tuned features [default: the shipped models/{TunedWeights.FileName}]",
        HelpName = "FILE",
    };

    private readonly Option<bool> _int8 = new("--int8") { Description = "Encode with the int8-quantized MiniLM instead of float32" };

    private (RetrievalBenchmark Benchmark, ClaimMatcher Matcher, (List<(string Id, string Text)>, float[][]) Judged, RerankQuery[] Prepared, MatchReranker? Reranker)? _loaded;

    public MatchEvalTask() => _format.AcceptOnlyFromAmong("clef2020", "clef2022");

    public string Name => MatchEvaluation.TaskName;

    public string Description => "Earlier fact-check retrieval: MAP@1/3/5, MRR and recall@10 of the hybrid BM25 + MiniLM matcher (table: also BM25 and embeddings alone)";

    public IReadOnlyList<Option> Options => [_format, _vclaims, _queries, _qrels, _reranker.Option, _tunedEncoder, _int8, _predictions];

    public EvalReport Run(ParseResult parse)
    {
        var (benchmark, matcher, judged, prepared, reranker) = Load(parse);
        var (report, run) = reranker is null
            ? MatchEvaluation.Score(benchmark, matcher, judged)
            : MatchEvaluation.Score(benchmark, matcher, judged, prepared, reranker);
        if (parse.GetValue(_predictions) is { } file)
            OutputFile.Write(file, run);
        return report;
    }

    public IReadOnlyList<ReferenceScore> References(ParseResult parse)
    {
        var (benchmark, matcher, judged, _, reranker) = Load(parse);
        var variants = reranker is null ? MatchEvaluation.Variants : MatchEvaluation.Variants.Prepend(new("hybrid, no reranker", ClaimMatcher.Weights.Default));
        return variants
            .Select(v => new ReferenceScore(v.Key, MatchEvaluation.Score(benchmark, matcher, judged, v.Value).Report))
            .ToList();
    }

    private (RetrievalBenchmark, ClaimMatcher, (List<(string Id, string Text)>, float[][]), RerankQuery[], MatchReranker?) Load(ParseResult parse)
    {
        if (_loaded is { } loaded) return loaded;
        // The options first: a reranker that cannot run is said before the collection is read.
        var reranker = _reranker.Read(parse, tunedWeightsGiven: parse.GetValue(_tunedEncoder) is not null, hint: "give its weights with --tuned-encoder FILE");
        var benchmark = parse.GetValue(_format) == "clef2022"
            ? CheckThatRetrieval.Read2022(parse.GetValue(_vclaims)!, parse.GetValue(_queries)!, parse.GetValue(_qrels)!)
            : CheckThatRetrieval.Read2020(parse.GetValue(_vclaims)!, parse.GetValue(_queries)!, parse.GetValue(_qrels)!);
        var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount, int8: parse.GetValue(_int8));
        var matcher = MatchEvaluation.Matcher(benchmark, encoder);
        var judged = MatchEvaluation.JudgedQueries(benchmark, encoder);
        // A reranker trained with a second encoder's features needs its vectors of the collection and the queries:
        // the tuned MiniLM's weights given here, else the encoder the reranker names.
        using var second = reranker?.UsesSecondEncoder != true ? null
            : reranker.SecondEncoder == MatchReranker.TunedMiniLmEncoder && parse.GetValue(_tunedEncoder) is { } tunedPath
                ? SentenceEncoder.LoadTuned(TunedWeights.LoadFile(tunedPath), threads: Environment.ProcessorCount)
                : reranker.LoadSecondEncoder(threads: Environment.ProcessorCount);
        if (second is not null) MatchEvaluation.UseSecondEncoder(matcher, benchmark, second);
        var prepared = reranker is null ? [] : MatchEvaluation.Prepared(judged, encoder, second);
        _loaded = (benchmark, matcher, judged, prepared, reranker);
        return _loaded.Value;
    }
}
