using System.CommandLine;
using System.Globalization;
using Factdesk.Clustering;
using Factdesk.Entities;
using Factdesk.Evaluation;
using Factdesk.Learning;

namespace Factdesk.Cli.TrainTasks;

/// <summary>`factdesk train ner`: the entity tagger from CoNLL-2003, keeping the epoch best on the development file.</summary>
public sealed class NerTrainTask : ITrainTask
{
    private readonly Option<string> _train = new("--train")
    {
        Description = "CoNLL-2003 training file (eng.train)",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string> _dev = new("--dev")
    {
        Description = "CoNLL-2003 development file (eng.testa), scored after every epoch",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<int> _epochs = new("--epochs")
    {
        Description = "Passes over the training file",
        DefaultValueFactory = _ => 6,
    };

    private readonly Option<string[]> _clusters = new("--clusters")
    {
        Description = "Word-cluster tables from `factdesk train ner-clusters` (one or more); copied into the model",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _out = new("--out")
    {
        Description = $"Where to save the model [default: models/{NerTagger.ModelFile}]; a model card NAME.md is written beside it",
        HelpName = "FILE",
    };

    public string Name => NerBenchmark.TaskName;

    public string Description => "Entity tagger (PER, ORG, LOC, MISC): averaged perceptron on CoNLL-2003";

    public IReadOnlyList<Option> Options => [_train, _dev, _epochs, _clusters, _out];

    public int Run(ParseResult parse, TextWriter output)
    {
        var trainPath = parse.GetValue(_train)!;
        var devPath = parse.GetValue(_dev)!;
        var epochs = parse.GetValue(_epochs);
        if (epochs < 1) throw new Ingestion.InputException("--epochs", "must be at least 1");
        var outPath = parse.GetValue(_out)
            ?? Path.Combine(ShippedModels.RepositoryModelsFolder() ?? throw new OutputException("models/", "not inside a Factdesk checkout; give --out"), NerTagger.ModelFile);

        var clusterPaths = parse.GetValue(_clusters) ?? [];
        var clusters = new List<WordClusters>();
        foreach (var clustersPath in clusterPaths)
        {
            if (!File.Exists(clustersPath)) throw new Ingestion.InputException(clustersPath, "no such cluster table");
            using var stream = File.OpenRead(clustersPath);
            clusters.Add(WordClusters.Load(stream));
        }
        var train = ConllCorpus.Read(trainPath);
        var dev = ConllCorpus.Read(devPath);
        output.WriteLine($"training on {train.Sum(d => d.Sentences.Count)} sentences, scoring on {dev.Sum(d => d.Sentences.Count)}");
        var epochsSeen = new List<NerEpoch>();
        var tagger = NerTrainer.Train(train, dev, epochs, e =>
        {
            epochsSeen.Add(e);
            output.WriteLine(FormattableString.Invariant(
                $"epoch {e.Epoch}: dev F1 {e.Development.F1:0.0000} (P {e.Development.Precision:0.0000} R {e.Development.Recall:0.0000}), {e.Features} features{(e.Best ? " *" : "")}"));
            output.Flush();
        }, clusters: clusters);

        OutputFile.Write(outPath, tagger.Save);
        var (scorer, _) = NerBenchmark.Run(tagger, dev);
        var card = Path.ChangeExtension(outPath, ".md");
        OutputFile.Write(card, ModelCard(parse, scorer, epochsSeen, new FileInfo(outPath).Length, clusters));
        output.WriteLine($"saved {outPath} ({new FileInfo(outPath).Length / 1024} KB) and {card}");
        return 0;
    }

    private string ModelCard(ParseResult parse, ChunkScorer dev, IReadOnlyList<NerEpoch> epochs, long bytes, IReadOnlyList<WordClusters> clusters)
    {
        var c = CultureInfo.InvariantCulture;
        var best = epochs.Where(e => e.Best).Last();
        var rows = string.Join("\n", dev.ByType.Select(kv => string.Format(c, "| {0} | {1:0.0000} | {2:0.0000} | {3:0.0000} | {4} |", kv.Key, kv.Value.F1, kv.Value.Precision, kv.Value.Recall, kv.Value.Gold)));
        var overall = dev.Overall;
        var clusterPaths = parse.GetValue(_clusters) ?? [];
        var clusterFeatures = clusters.Count == 0 ? "" : ", and word clusters of the word and its neighbours";
        var clusterData = clusters.Count == 0 ? "" : "\n\n" + $"""
            {clusters.Count} word-cluster table(s) ({string.Join("; ", clusters.Select(t => $"seed {t.Seed}: {t.Words} words, {t.FineCount} fine clusters grouped into {t.CoarseCount} coarse ones"))})
            were learned without labels by `factdesk train ner-clusters` from the training parts of: {clusters[0].Source}.
            For the shipped model those are CoNLL-2003 eng.train (as above), FNC-1 train_bodies.csv (no licence stated;
            research use), LIAR train.tsv statements (research use only, PolitiFact content) and PolNeAR train texts (no
            licence; internal use, not to be redistributed); see each data set's PROVENANCE.md under ../shared/datasets.
            The model keeps only 64-bit hashes of lower-cased words and their cluster numbers, no text.
            """;
        var clusterCommand = string.Concat(clusters.Zip(clusterPaths, (t, path) => $"""
            ./factdesk train ner-clusters --conll ../shared/datasets/conll2003-en/eng.train \
                --fnc-bodies ../shared/datasets/fnc-1/train_bodies.csv --liar ../shared/datasets/liar/train.tsv \
                --text-dir ../shared/datasets/polnear/data/train/text --fine {t.FineCount} --coarse {t.CoarseCount} --seed {t.Seed} --out {path}

            """));
        var clusterOption = clusters.Count == 0 ? "" : $" \\\n    --clusters {string.Join(' ', clusterPaths)}";
        return $"""
            # ner.bin: entity tagger (PER, ORG, LOC, MISC)

            Greedy left-to-right BILOU tagger with averaged-perceptron weights over hashed features: word, lower case,
            shape, prefixes and suffixes 1-4, sentence start, headline (all-caps) sentences, words and shapes two
            either side, word bigrams, the two previous tags, and spans found in a list of names seen in the training
            data (stored as hashes, leave-one-document-out while training) and in the shipped alias table, and
            document context: a capitalised word also used in lower case, the body spelling of a headline word, and
            the type the tagger gave the word earlier in the story{clusterFeatures}. Weights
            below {NerTrainer.DefaultMinWeight.ToString(c)} are dropped and the rest stored as float16, gzipped:
            {bytes / 1024} KB. Code: `src/Factdesk/Entities/NerTagger.cs`, `NerTrainer.cs`, `NerFeatures.cs`.

            ## Training data and licence

            CoNLL-2003 English (Reuters newswire, 1996-97; `../shared/datasets/conll2003-en`, see its PROVENANCE.md):
            trained on `eng.train`, the epoch chosen on `eng.testa` (development). The annotations are free; the text
            belongs to the Reuters Corpus (RCV1), usable for research under a Reuters/NIST agreement and not to be
            redistributed. The model holds no text: features and training names are 64-bit hashes.{clusterData}

            ## How it was trained

            ```bash
            {clusterCommand}./factdesk train ner --train {parse.GetValue(_train)} --dev {parse.GetValue(_dev)} --epochs {parse.GetValue(_epochs)}{clusterOption}
            ```

            Kept epoch {best.Epoch} of {epochs.Count} (best development F1), {best.Features} features.

            ## Scores on eng.testa (development; also used to pick the epoch)

            Entity-level, as conlleval: overall F1 {overall.F1.ToString("0.0000", c)}, precision {overall.Precision.ToString("0.0000", c)}, recall {overall.Recall.ToString("0.0000", c)}.

            | type | F1 | precision | recall | gold entities |
            |---|---:|---:|---:|---:|
            {rows}

            Per epoch: {string.Join(", ", epochs.Select(e => string.Format(c, "{0}: {1:0.0000}", e.Epoch, e.Development.F1)))}.

            """;
    }
}
