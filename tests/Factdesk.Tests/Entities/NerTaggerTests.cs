using Factdesk.Clustering;
using Factdesk.Entities;
using Factdesk.Evaluation;

namespace Factdesk.Tests.Entities;

public sealed class NerTaggerTests
{
    // A tiny hand-made corpus: the same frames with different names, so the tagger must learn from context and shape.
    private static readonly string[] Frames =
    [
        "{0} PER said on Monday that the deal was done .",
        "Shares of {0} ORG rose 5 percent in early trade .",
        "The talks were held in {0} LOC last week .",
        "{0} PER , chief executive of {1} ORG , resigned .",
        "Police in {0} LOC arrested two men .",
    ];

    private static readonly string[][] Names =
    [
        ["John Smith", "Acme Corp", "Paris", "Mary Jones", "Berlin"],
        ["Peter Brown", "Globex", "Madrid", "Anna Lee", "Rome"],
        ["Tom Clark", "Initech Ltd", "Lisbon", "Sara Hill", "Vienna"],
        ["Jim Stone", "Umbrella Inc", "Athens", "Kate Moss", "Oslo"],
    ];

    private static ConllSentence Sentence(string frame, params string[] names)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        var parts = frame.Split(' ');
        var nameIndex = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{'))
            {
                var type = parts[++i];
                var words = names[nameIndex++].Split(' ');
                for (var k = 0; k < words.Length; k++)
                {
                    tokens.Add(words[k]);
                    tags.Add((k == 0 ? "B-" : "I-") + type);
                }
            }
            else
            {
                tokens.Add(parts[i]);
                tags.Add("O");
            }
        }
        return new ConllSentence([.. tokens], [.. tags]);
    }

    private static List<ConllDocument> Corpus(IEnumerable<string[]> nameSets) =>
        nameSets.Select(n => new ConllDocument(
        [
            Sentence(Frames[0], n[0]), Sentence(Frames[1], n[1]), Sentence(Frames[2], n[2]),
            Sentence(Frames[3], n[3], n[1]), Sentence(Frames[4], n[4]),
        ])).ToList();

    private static readonly Lazy<NerTagger> Trained = new(() => NerTrainer.Train(Corpus(Names[..3]), Corpus(Names[3..]), epochs: 5));

    [Fact]
    public void A_trained_tagger_finds_unseen_names_in_familiar_contexts()
    {
        var tags = Trained.Value.Predict("Bill Gray said on Monday that the deal was done .".Split(' '));

        Assert.Equal(["B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "O", "O", "O"], tags);
    }

    [Fact]
    public void Predictions_are_well_formed_iob2_for_every_sentence()
    {
        foreach (var sentence in Corpus(Names[3..]).SelectMany(d => d.Sentences))
        {
            var tags = Trained.Value.Predict(sentence.Tokens);
            Assert.Equal(sentence.Tokens.Length, tags.Length);
            for (var i = 0; i < tags.Length; i++)
                if (tags[i].StartsWith("I-", StringComparison.Ordinal))
                    Assert.Equal(tags[i][2..], tags[i - 1][2..]);
        }
    }

    [Fact]
    public void A_saved_model_loads_and_tags_the_same()
    {
        using var stream = new MemoryStream();
        Trained.Value.Save(stream);
        stream.Position = 0;
        var loaded = NerTagger.Load(stream);
        var tokens = "Police in Oslo arrested two men .".Split(' ');

        Assert.Equal(Trained.Value.Predict(tokens), loaded.Predict(tokens));
    }

    [Fact]
    public void A_model_with_word_clusters_keeps_them_when_saved()
    {
        var corpus = Corpus(Names[..3]);
        var clusters = WordClusterBuilder.Build(corpus.SelectMany(d => d.Sentences).Select(s => (IReadOnlyList<string>)s.Tokens).ToList(),
            new WordClusterOptions(MinCount: 1, Dimensions: 16, FineClusters: 8, CoarseClusters: 2));
        var tagger = NerTrainer.Train(corpus, Corpus(Names[3..]), epochs: 3, clusters: [clusters]);
        using var stream = new MemoryStream();
        tagger.Save(stream);
        stream.Position = 0;
        var loaded = NerTagger.Load(stream);
        // "Paris" is in the cluster table but never in this frame; its cluster is one of the features.
        var tokens = "Shares of Paris rose 5 percent in early trade .".Split(' ');

        Assert.Equal(tagger.Predict(tokens), loaded.Predict(tokens));
        Assert.Equal(tagger.FeatureCount, loaded.FeatureCount);
    }

    [Fact]
    public void An_empty_sentence_has_no_tags()
    {
        Assert.Empty(Trained.Value.Predict([]));
    }

    [Fact]
    public void A_stream_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream("not a model"u8.ToArray());
        Assert.ThrowsAny<Exception>(() => NerTagger.Load(stream));
    }

    [Fact]
    public void On_conll_data_a_small_training_run_learns_something()
    {
        var dir = TestPaths.Dataset("conll2003-en");
        Assert.SkipUnless(dir is not null, "CoNLL-2003 is not in ../shared/datasets/conll2003-en on this machine");
        var train = ConllCorpus.Read(Path.Combine(dir, "eng.train")).Take(60).ToList();
        var dev = ConllCorpus.Read(Path.Combine(dir, "eng.testa")).Take(20).ToList();

        var tagger = NerTrainer.Train(train, dev, epochs: 2);

        // Far from the full model's score; this only guards against a tagger that learns nothing.
        Assert.InRange(NerBenchmark.Run(tagger, dev).Scorer.Overall.F1, 0.3, 1.0);
    }
}
