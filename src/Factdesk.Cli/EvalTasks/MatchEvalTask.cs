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

    private (RetrievalBenchmark Benchmark, ClaimMatcher Matcher, (List<(string Id, string Text)>, float[][]) Judged)? _loaded;

    public MatchEvalTask() => _format.AcceptOnlyFromAmong("clef2020", "clef2022");

    public string Name => MatchEvaluation.TaskName;

    public string Description => "Earlier fact-check retrieval: MAP@1/3/5, MRR and recall@10 of the hybrid BM25 + MiniLM matcher (table: also BM25 and embeddings alone)";

    public IReadOnlyList<Option> Options => [_format, _vclaims, _queries, _qrels, _predictions];

    public EvalReport Run(ParseResult parse)
    {
        var (benchmark, matcher, judged) = Load(parse);
        var (report, run) = MatchEvaluation.Score(benchmark, matcher, judged);
        if (parse.GetValue(_predictions) is { } file)
            OutputFile.Write(file, run);
        return report;
    }

    public IReadOnlyList<ReferenceScore> References(ParseResult parse)
    {
        var (benchmark, matcher, judged) = Load(parse);
        return MatchEvaluation.Variants
            .Select(v => new ReferenceScore(v.Key, MatchEvaluation.Score(benchmark, matcher, judged, v.Value).Report))
            .ToList();
    }

    private (RetrievalBenchmark, ClaimMatcher, (List<(string Id, string Text)>, float[][])) Load(ParseResult parse)
    {
        if (_loaded is { } loaded) return loaded;
        var benchmark = parse.GetValue(_format) == "clef2022"
            ? CheckThatRetrieval.Read2022(parse.GetValue(_vclaims)!, parse.GetValue(_queries)!, parse.GetValue(_qrels)!)
            : CheckThatRetrieval.Read2020(parse.GetValue(_vclaims)!, parse.GetValue(_queries)!, parse.GetValue(_qrels)!);
        var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount);
        var claims = EmbeddingCache.EncodeCached(encoder, benchmark.Collection.Select(e => e.Claim).ToArray());
        var titled = benchmark.Collection.Select(e => e.Title ?? "").ToArray();
        var titleVectors = EmbeddingCache.EncodeCached(encoder, titled);
        var titles = titleVectors.Select((v, i) => string.IsNullOrWhiteSpace(titled[i]) ? null : v).ToArray();
        var matcher = new ClaimMatcher(benchmark.Collection, encoder, claims, titles);
        var judged = MatchEvaluation.JudgedQueries(benchmark, encoder);
        _loaded = (benchmark, matcher, judged);
        return _loaded.Value;
    }
}
