using System.CommandLine;
using System.Diagnostics;
using Factdesk.Clustering;
using Factdesk.Evaluation;
using Factdesk.Evidence;

namespace Factdesk.Cli.TrainTasks;

/// <summary>
/// `factdesk train ner-clusters`: word clusters from unlabelled text, for `factdesk train ner --clusters`. Only
/// the words are read (CoNLL tags, stances and verdicts are ignored), so give training splits only.
/// </summary>
public sealed class NerClustersTrainTask : ITrainTask
{
    private readonly Option<string[]> _conll = new("--conll") { Description = "CoNLL files; their tokens only", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _fnc = new("--fnc-bodies") { Description = "FNC-1 bodies CSV files (article text)", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _liar = new("--liar") { Description = "LIAR TSV files (the statement column)", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _texts = new("--text-dir") { Description = "Folders of .txt files, read recursively", HelpName = "DIR", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int> _fine = new("--fine") { Description = "Fine clusters", DefaultValueFactory = _ => 512 };
    private readonly Option<int> _coarse = new("--coarse") { Description = "Coarse clusters (groups of fine ones)", DefaultValueFactory = _ => 64 };
    private readonly Option<int> _minCount = new("--min-count") { Description = "Cluster only words seen at least this often", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _dims = new("--dims") { Description = "Length of the projected word vectors", DefaultValueFactory = _ => 128 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the random projection and the k-means starts", DefaultValueFactory = _ => 2003 };
    private readonly Option<int> _iterations = new("--iterations") { Description = "k-means iterations at most", DefaultValueFactory = _ => 15 };
    private readonly Option<string> _out = new("--out") { Description = "Where to save the cluster table", HelpName = "FILE", Required = true };

    public string Name => "ner-clusters";

    public string Description => "Word clusters from unlabelled text, features for `train ner --clusters`";

    public IReadOnlyList<Option> Options => [_conll, _fnc, _liar, _texts, _fine, _coarse, _minCount, _dims, _seed, _iterations, _out];

    public int Run(ParseResult parse, TextWriter output)
    {
        var sentences = new List<IReadOnlyList<string>>();
        var sources = new List<string>();
        void Add(string path, string what, IEnumerable<IReadOnlyList<string>> read)
        {
            var before = sentences.Count;
            sentences.AddRange(read);
            sources.Add($"{path} ({what}, {sentences.Count - before} lines)");
        }

        foreach (var path in parse.GetValue(_conll) ?? [])
            Add(path, "CoNLL tokens", ConllCorpus.Read(path).SelectMany(d => d.Sentences).Select(s => (IReadOnlyList<string>)s.Tokens));
        foreach (var path in parse.GetValue(_fnc) ?? [])
            Add(path, "FNC-1 bodies", FncDataset.ReadBodies(path).OrderBy(b => b.Key).SelectMany(b => UnlabelledText.Sentences(b.Value)));
        // Only the statement column is wanted, so rows the strict LIAR reader rejects (a stray tab or
        // newline in a later column) still give their statement.
        foreach (var path in parse.GetValue(_liar) ?? [])
            Add(path, "LIAR statements", File.ReadLines(path).Select(l => l.Split('\t')).Where(c => c.Length >= 3).SelectMany(c => UnlabelledText.Sentences(c[2])));
        foreach (var dir in parse.GetValue(_texts) ?? [])
        {
            if (!Directory.Exists(dir)) throw new Ingestion.InputException(dir, "no such folder");
            Add(dir, ".txt files", Directory.GetFiles(dir, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .SelectMany(f => UnlabelledText.Sentences(File.ReadAllText(f))));
        }
        if (sentences.Count == 0) throw new Ingestion.InputException("--conll/--fnc-bodies/--liar/--text-dir", "give at least one text source");
        var tokens = sentences.Sum(s => s.Count);
        output.WriteLine($"clustering the words of {sentences.Count} lines, {tokens} tokens");
        var source = $"{string.Join(", ", sources)}; {tokens} tokens in all";

        var clock = Stopwatch.StartNew();
        var clusters = WordClusterBuilder.Build(sentences, new WordClusterOptions(
            MinCount: parse.GetValue(_minCount), Dimensions: parse.GetValue(_dims), FineClusters: parse.GetValue(_fine), CoarseClusters: parse.GetValue(_coarse),
            Iterations: parse.GetValue(_iterations), Seed: parse.GetValue(_seed)), source);
        var outPath = parse.GetValue(_out)!;
        OutputFile.Write(outPath, clusters.Save);
        output.WriteLine($"{clusters.Words} words in {clusters.FineCount} fine and {clusters.CoarseCount} coarse clusters ({clock.Elapsed.TotalSeconds:0} s); saved {outPath}");
        return 0;
    }
}
