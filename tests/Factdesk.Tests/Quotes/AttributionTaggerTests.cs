using Factdesk.Clustering;
using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Learning;
using Factdesk.Quotes;

namespace Factdesk.Tests.Quotes;

/// <summary>The learned attribution tagger on hand-built sentences: its tags, how runs become relations, and a tiny corpus it must learn.</summary>
public sealed class AttributionTaggerTests
{
    private static readonly string[] Names = ["Maria Lopez", "Tom Berg", "Anna Kowalski", "Peter Hanley", "Jo Smith", "Ravi Patel", "Lena Moss", "Omar Said"];
    private static readonly string[] Clauses =
    [
        "the bridge would reopen in spring", "taxes were too high", "the council had lied about the budget",
        "the plan would fail", "the vote was rigged", "the school needs more teachers", "prices will fall next year",
        "the river is polluted",
    ];

    private static (Document, IReadOnlyList<Attribution>) Sentence(string speaker, string cue, string clause, bool attributed)
    {
        var text = $"{speaker} {cue} that {clause}.";
        var document = Analyse.WithEntities(text);
        var cueStart = speaker.Length + 1;
        var contentStart = cueStart + cue.Length + " that ".Length;
        IReadOnlyList<Attribution> gold = attributed
            ? [new Attribution(new RoleSpan(contentStart, contentStart + clause.Length), new RoleSpan(cueStart, cueStart + cue.Length), new RoleSpan(0, speaker.Length))]
            : [];
        return (document, gold);
    }

    // Speech cues attribute; "hoped" and "denied" are cues too, "forgot" and "noticed" here are not (the corpus says so).
    private static List<(Document, IReadOnlyList<Attribution>)> Corpus(int from, int count)
    {
        var cues = new[] { ("said", true), ("claimed", true), ("forgot", false), ("hoped", true), ("noticed", false), ("denied", true) };
        var corpus = new List<(Document, IReadOnlyList<Attribution>)>();
        for (var k = from; k < from + count; k++)
        {
            var (cue, attributed) = cues[k % cues.Length];
            corpus.Add(Sentence(Names[k % Names.Length], cue, Clauses[k * 3 % Clauses.Length], attributed));
        }
        return corpus;
    }

    [Fact]
    public void Gold_relations_become_bio_tags_and_back()
    {
        var (document, gold) = Sentence("Tom Berg", "said", "the plan would fail", attributed: true);

        var tags = AttributionTags.Encode(document.Tokens, gold);

        var b = AttributionTags.Begin;
        var i = AttributionTags.Inside;
        // Tom Berg | said | that | the plan would fail | .
        Assert.Equal([b(AttributionRole.Source), i(AttributionRole.Source), b(AttributionRole.Cue), 0,
            b(AttributionRole.Content), i(AttributionRole.Content), i(AttributionRole.Content), i(AttributionRole.Content), 0], tags);
        Assert.Equal([(AttributionRole.Source, 0, 1), (AttributionRole.Cue, 2, 2), (AttributionRole.Content, 4, 7)], AttributionTags.Spans(tags));
    }

    [Fact]
    public void A_quotation_split_by_its_cue_is_one_relation_with_the_speaker_after_the_cue()
    {
        const string text = "“The plan,” Tom Berg said, “will fail.”";
        var document = Analyse.Segmented(text);
        var tags = TagsFor(document, ("The plan", AttributionRole.Content), ("Tom Berg", AttributionRole.Source), ("said", AttributionRole.Cue), ("will fail", AttributionRole.Content));

        var relation = Assert.Single(AttributionTagger.Assemble(document, tags));

        Assert.Equal("The plan,” Tom Berg said, “will fail", text[relation.Content.Start..relation.Content.End]);
        Assert.Equal("Tom Berg", text[relation.Source!.Start..relation.Source.End]);
    }

    [Fact]
    public void A_second_cue_without_a_speaker_of_its_own_shares_the_one_before_it()
    {
        const string text = "Lena Moss said taxes were too high, adding that the budget was a mess.";
        var document = Analyse.Segmented(text);
        var tags = TagsFor(document, ("Lena Moss", AttributionRole.Source), ("said", AttributionRole.Cue), ("taxes were too high", AttributionRole.Content),
            ("adding", AttributionRole.Cue), ("the budget was a mess", AttributionRole.Content));

        var relations = AttributionTagger.Assemble(document, tags);

        Assert.Equal(2, relations.Count);
        Assert.All(relations, r => Assert.Equal("Lena Moss", text[r.Source!.Start..r.Source.End]));
        Assert.Equal(["said", "adding"], relations.Select(r => text[r.Cue!.Start..r.Cue.End]));
    }

    [Fact]
    public void A_cue_the_tagger_gave_no_speaker_takes_the_pronoun_before_it()
    {
        const string text = "Later that day she quietly said the plan would fail.";
        var document = Analyse.Segmented(text);
        var tags = TagsFor(document, ("said", AttributionRole.Cue), ("the plan would fail", AttributionRole.Content));

        var relation = Assert.Single(AttributionTagger.Assemble(document, tags));

        Assert.Equal("she", document.Slice(relation.Source!));
    }

    [Fact]
    public void A_one_word_content_run_is_dropped_and_a_longer_one_kept()
    {
        const string text = "Tom Berg said yes. Lena Moss said the plan would fail.";
        var document = Analyse.Segmented(text);
        var tags = TagsFor(document, ("Tom Berg", AttributionRole.Source), ("said", AttributionRole.Cue), ("yes", AttributionRole.Content),
            ("Lena Moss", AttributionRole.Source), ("said", AttributionRole.Cue), ("the plan would fail", AttributionRole.Content));

        var relation = Assert.Single(AttributionTagger.Assemble(document, tags));

        Assert.Equal("the plan would fail", document.Slice(relation.Content));
    }

    [Fact]
    public void A_learned_no_source_leaves_the_relation_without_a_speaker()
    {
        // "It was announced that ...": PolNeAR gives such a cue no source, and no fallback pronoun may fill it in.
        static (Document, IReadOnlyList<Attribution>) Announced(string name, string clause)
        {
            var text = $"{name} arrived. It was announced that {clause}.";
            var cue = text.IndexOf("announced", StringComparison.Ordinal);
            var content = text.IndexOf(clause, StringComparison.Ordinal);
            return (Analyse.WithEntities(text), [new Attribution(new RoleSpan(content, content + clause.Length), new RoleSpan(cue, cue + "announced".Length), null)]);
        }
        var learner = new AveragedPerceptron(2);
        for (var epoch = 0; epoch < 3; epoch++)
            for (var k = 0; k < 16; k++)
            {
                var (document, relations) = k % 2 == 0
                    ? Announced(Names[k % Names.Length], Clauses[k % Clauses.Length])
                    : Sentence(Names[k % Names.Length], "said", Clauses[k % Clauses.Length], attributed: true);
                SourceLinker.Learn(learner, document, relations);
            }
        var linker = new SourceLinker(learner.Average(AttributionTrainer.MinWeight));
        var (unseen, gold) = Announced("Omar Said", "the vote was rigged");
        var (said, saidGold) = Sentence("Lena Moss", "said", "the vote was rigged", attributed: true);

        var announced = Assert.Single(AttributionTagger.Assemble(unseen, AttributionTags.Encode(unseen.Tokens, gold), linker));
        var spoken = Assert.Single(AttributionTagger.Assemble(said, AttributionTags.Encode(said.Tokens, saidGold), linker));

        Assert.Null(announced.Source);
        Assert.Equal("Lena Moss", said.Slice(spoken.Source!));
    }

    [Fact]
    public void Content_far_from_any_cue_is_no_relation()
    {
        var text = "Lena Moss spoke. " + string.Concat(Enumerable.Repeat("The long afternoon went by slowly. ", 10)) + "The river kept rising over the old stone wall of the town.";
        var document = Analyse.Segmented(text);
        var tags = TagsFor(document, ("spoke", AttributionRole.Cue), ("wall of the town", AttributionRole.Content));

        Assert.Empty(AttributionTagger.Assemble(document, tags));
    }

    [Fact]
    public void Trained_on_a_small_corpus_it_finds_speech_cues_their_content_and_speaker_in_unseen_sentences()
    {
        var tagger = AttributionTrainer.Train(Corpus(0, 48), [], epochs: 4);

        var (said, _) = Sentence("Jo Smith", "claimed", "the river is polluted", attributed: true);
        var relation = Assert.Single(tagger.Relations(said));
        Assert.Equal("the river is polluted", said.Slice(relation.Content));
        Assert.Equal("claimed", said.Slice(relation.Cue!));
        Assert.Equal("Jo Smith", said.Slice(relation.Source!));

        var (forgot, _) = Sentence("Ravi Patel", "forgot", "taxes were too high", attributed: false);
        Assert.Empty(tagger.Relations(forgot));
    }

    // "X, who Y said was honest, claimed that ...": Y speaks for "said", X for "claimed", though Y stands nearer it.
    private static (Document, IReadOnlyList<Attribution>) Nested(string outer, string inner, string clause)
    {
        var text = $"{outer}, who {inner} said was honest, claimed that {clause}.";
        var document = Analyse.WithEntities(text);
        RoleSpan At(string words, int from = 0)
        {
            var start = text.IndexOf(words, from, StringComparison.Ordinal);
            return new RoleSpan(start, start + words.Length);
        }
        var innerSpan = At(inner, outer.Length);
        return (document,
        [
            new Attribution(At("was honest"), At("said"), innerSpan),
            new Attribution(At(clause), At("claimed"), At(outer)),
        ]);
    }

    [Fact]
    public void The_learned_linker_skips_a_nearer_speaker_of_a_nested_cue()
    {
        var learner = new AveragedPerceptron(2);
        for (var epoch = 0; epoch < 3; epoch++)
            for (var k = 0; k < 24; k++)
            {
                var (document, gold) = k % 2 == 0
                    ? Nested(Names[k % Names.Length], Names[(k + 3) % Names.Length], Clauses[k % Clauses.Length])
                    : Sentence(Names[k % Names.Length], "said", Clauses[k % Clauses.Length], attributed: true);
                SourceLinker.Learn(learner, document, gold);
            }
        var linker = new SourceLinker(learner.Average(AttributionTrainer.MinWeight));
        var (unseen, _) = Nested("Omar Said", "Lena Moss", "the vote was rigged");
        var tags = TagsFor(unseen, ("Omar Said", AttributionRole.Source), ("Lena Moss", AttributionRole.Source), ("said", AttributionRole.Cue),
            ("was honest", AttributionRole.Content), ("claimed", AttributionRole.Cue), ("the vote was rigged", AttributionRole.Content));

        var relations = AttributionTagger.Assemble(unseen, tags, linker);

        // Each cue ranks both speakers on its own: the nearest one would give "claimed" to Lena Moss as well.
        Assert.Equal(["Lena Moss", "Omar Said"], relations.Select(r => unseen.Slice(r.Source!)));
    }

    // "A said it was over. <clause> was the view the young B claimed.": the clause's cue is "claimed", though "said" stands nearer.
    private static (Document, IReadOnlyList<Attribution>) ClaimedAfter(string first, string second, string clause)
    {
        var sentence = char.ToUpperInvariant(clause[0]) + clause[1..];
        var text = $"{first} said it was over. {sentence} was the view the young {second} claimed.";
        var document = Analyse.WithEntities(text);
        RoleSpan At(string words)
        {
            var start = text.IndexOf(words, StringComparison.Ordinal);
            return new RoleSpan(start, start + words.Length);
        }
        return (document,
        [
            new Attribution(At("it was over"), At("said"), At(first)),
            new Attribution(At(sentence), At("claimed"), At(second)),
        ]);
    }

    [Fact]
    public void The_content_linker_learns_a_farther_cue_over_the_nearest_one()
    {
        var learner = new AveragedPerceptron(2);
        for (var epoch = 0; epoch < 3; epoch++)
            for (var k = 0; k < 16; k++)
            {
                var (document, relations) = ClaimedAfter(Names[k % Names.Length], Names[(k + 3) % Names.Length], Clauses[k % Clauses.Length]);
                ContentLinker.Learn(learner, document, relations);
            }
        var contentLinker = new ContentLinker(learner.Average(AttributionTrainer.MinWeight));
        var (unseen, gold) = ClaimedAfter("Omar Said", "Lena Moss", "the vote was rigged");
        var tags = AttributionTags.Encode(unseen.Tokens, gold);

        var nearest = AttributionTagger.Assemble(unseen, tags);
        var learned = AttributionTagger.Assemble(unseen, tags, contentLinker: contentLinker);

        // By distance alone both contents go to "said" and become one relation; the linker gives the clause its own cue.
        Assert.Equal(["said"], nearest.Select(r => unseen.Slice(r.Cue!)));
        Assert.Equal(["said", "claimed"], learned.Select(r => unseen.Slice(r.Cue!)));
        Assert.Equal("The vote was rigged", unseen.Slice(learned[1].Content));
        Assert.Equal("Lena Moss", unseen.Slice(learned[1].Source!));
    }

    [Fact]
    public void The_linker_may_also_choose_a_person_or_pronoun_the_tagger_left_untagged()
    {
        const string text = "Tom Berg met Lena Moss, and he said the plan would fail.";
        var document = Analyse.WithEntities(text);
        var tagged = AttributionTags.Spans(TagsFor(document, ("Lena Moss", AttributionRole.Source)))
            .Select(r => (r.First, r.Last)).ToList();

        var candidates = SourceLinker.WithSpeakers(document, tagged);

        // The tagged run first, then Tom Berg and "he"; Lena Moss is not added twice.
        Assert.Equal(tagged[0], candidates[0]);
        Assert.Equal(["Lena Moss", "Tom Berg", "he"], candidates.Select(c => text[document.Tokens[c.First].Start..document.Tokens[c.Last].End]));
    }

    [Fact]
    public void A_cue_word_never_seen_in_training_scores_as_a_cue_through_its_word_class()
    {
        // Training sees four speech verbs (attribute) and four others (do not) in the same place; the unseen "mused"
        // shares a class with the first, the unseen "spotted" with the others. Only the classes tell the two apart.
        string[] speech = ["said", "claimed", "argued", "stated"], other = ["noticed", "forgot", "saw", "heard"];
        var classes = new Dictionary<ulong, ushort> { [WordClusters.Key("mused")] = 0, [WordClusters.Key("spotted")] = 1 };
        foreach (var word in speech) classes[WordClusters.Key(word)] = 0;
        foreach (var word in other) classes[WordClusters.Key(word)] = 1;
        var corpus = Enumerable.Range(0, 48).Select(k => Sentence(Names[k % Names.Length], k % 2 == 0 ? speech[k / 2 % 4] : other[k / 2 % 4],
            Clauses[k * 3 % Clauses.Length], attributed: k % 2 == 0)).ToList();
        var clustered = AttributionTrainer.Train(corpus, [], epochs: 4, clusters: [new WordClusters(classes, [0, 1], 2)]);
        var plain = AttributionTrainer.Train(corpus, [], epochs: 4, clusters: []);

        var (mused, _) = Sentence("Jo Smith", "mused", "the river is polluted", attributed: true);
        var (spotted, _) = Sentence("Jo Smith", "spotted", "the river is polluted", attributed: false);

        // How much more the verb (Jo | Smith | mused | that ...) looks like a cue than like nothing, from its own features.
        static float CueMargin(AttributionTagger tagger, Document document)
        {
            var scores = new float[AttributionTags.Count];
            tagger.Scorer.AddScores(tagger.Features.Prepare(document)[2], scores);
            return scores[AttributionTags.Begin(AttributionRole.Cue)] - scores[AttributionTags.Outside];
        }
        var withClasses = CueMargin(clustered, mused) - CueMargin(clustered, spotted);
        var without = CueMargin(plain, mused) - CueMargin(plain, spotted);
        Assert.True(withClasses > 1, $"mused over spotted with the classes: {withClasses}");
        // Without them only spelling separates the two (the suffix of "stated" even favours "spotted").
        Assert.True(withClasses > without + 1, $"{withClasses} with the classes, {without} without");
    }

    [Fact]
    public void A_saved_model_reads_back_and_tags_the_same()
    {
        var trained = AttributionTrainer.Train(Corpus(0, 24), Corpus(24, 6), epochs: 2);
        var tagger = new AttributionTagger(trained.Scorer, trained.Features, trained.Linker, trained.ContentLinker) { OutsideBias = 3 };
        var path = Path.GetTempFileName();
        try
        {
            tagger.Save(path);
            using var stream = File.OpenRead(path);
            var loaded = AttributionTagger.Load(stream);
            Assert.Equal(3, loaded.OutsideBias);
            foreach (var (document, _) in Corpus(30, 6))
                Assert.Equal(tagger.Relations(document), loaded.Relations(document));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_no_model_is_invalid_data()
    {
        using var stream = new MemoryStream("not a model at all"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => AttributionTagger.Load(stream));
    }

    [Fact]
    public void A_model_of_an_older_format_asks_to_be_retrained()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("factdesk-attribution-tagger");
            // The fourth round's format, which had no outside bias.
            writer.Write(5);
        }
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => AttributionTagger.Load(stream));
        Assert.Contains("format 5", error.Message);
        Assert.Contains("factdesk train quotes", error.Message);
    }

    [Fact]
    public void Bad_input_is_tagged_without_failing()
    {
        var tagger = AttributionTrainer.Train(Corpus(0, 24), [], epochs: 1);
        var longQuote = "Tom Berg said “" + string.Join(' ', Enumerable.Repeat("word", 10_000)) + "” and left.";
        var noPunctuation = string.Join(' ', Enumerable.Range(0, 5_000).Select(k => k % 7 == 0 ? "said" : "people"));
        var unbalanced = "Maria Lopez said “the plan would fail. Tom Berg said ”taxes“ were ” too high “.";

        foreach (var text in new[] { longQuote, noPunctuation, unbalanced, "", "“" })
        {
            var relations = tagger.Relations(Analyse.WithEntities(text));
            Assert.All(relations, r => Assert.True(r.Content.Start >= 0 && r.Content.End <= text.Length && r.Content.Start < r.Content.End));
        }
    }

    // "A thanked B, who said that ...": B speaks, though A is the first person of the sentence.
    private static (Document, IReadOnlyList<Attribution>, int[]) Thanked(string first, string second, string clause)
    {
        var text = $"{first} thanked {second}, who said that {clause}.";
        var document = Analyse.WithEntities(text);
        RoleSpan At(string words)
        {
            var start = text.IndexOf(words, StringComparison.Ordinal);
            return new RoleSpan(start, start + words.Length);
        }
        // The tagger found the cue and content but no speaker: the linker must pick one of the two people.
        var tags = TagsFor(document, ("said", AttributionRole.Cue), (clause, AttributionRole.Content));
        return (document, [new Attribution(At(clause), At("said"), At(second))], tags);
    }

    [Fact]
    public void The_source_linker_learns_from_tagged_runs_the_speaker_of_the_gold_relation()
    {
        var learner = new AveragedPerceptron(2);
        for (var epoch = 0; epoch < 3; epoch++)
            for (var k = 0; k < 16; k++)
            {
                var (document, gold, tags) = Thanked(Names[k % Names.Length], Names[(k + 3) % Names.Length], Clauses[k % Clauses.Length]);
                var runs = AttributionTagger.LinkContents(document, tags, null);
                SourceLinker.LearnPredicted(learner, document, runs.Sentence, runs.Cues, SourceLinker.WithSpeakers(document, runs.Sources), runs.ContentOf, gold);
            }
        var (unseen, _, unseenTags) = Thanked("Omar Said", "Lena Moss", "the vote was rigged");

        var untrained = AttributionTagger.Assemble(unseen, unseenTags, new SourceLinker(new AveragedPerceptron(2).Average(AttributionTrainer.MinWeight)));
        var learned = AttributionTagger.Assemble(unseen, unseenTags, new SourceLinker(learner.Average(AttributionTrainer.MinWeight)));

        // With no weights the first candidate wins; learned from the tagged runs, the one the gold relation names.
        Assert.Equal("Omar Said", unseen.Slice(Assert.Single(untrained).Source!));
        Assert.Equal("Lena Moss", unseen.Slice(Assert.Single(learned).Source!));
    }

    [Fact]
    public void Tagged_runs_that_match_no_gold_relation_teach_the_linkers_nothing()
    {
        var (document, _, tags) = Thanked("Omar Said", "Lena Moss", "the vote was rigged");
        var runs = AttributionTagger.LinkContents(document, tags, null);
        var sources = new AveragedPerceptron(2);
        var contents = new AveragedPerceptron(2);

        SourceLinker.LearnPredicted(sources, document, runs.Sentence, runs.Cues, SourceLinker.WithSpeakers(document, runs.Sources), runs.ContentOf, []);
        ContentLinker.LearnPredicted(contents, document, runs.Sentence, runs.Contents, runs.Cues, []);

        Assert.Equal(0, sources.FeatureCount);
        Assert.Equal(0, contents.FeatureCount);
    }

    [Fact]
    public void The_content_linker_learns_from_a_tagged_run_longer_than_its_gold_content()
    {
        var learner = new AveragedPerceptron(2);
        int[] Spilled(Document document, string clause) => TagsFor(document, ("said", AttributionRole.Cue), ("it was over", AttributionRole.Content),
            // The tagger ran the clause's content on over "was the view".
            ($"{char.ToUpperInvariant(clause[0])}{clause[1..]} was the view", AttributionRole.Content), ("claimed", AttributionRole.Cue));
        for (var epoch = 0; epoch < 3; epoch++)
            for (var k = 0; k < 16; k++)
            {
                var clause = Clauses[k % Clauses.Length];
                var (document, gold) = ClaimedAfter(Names[k % Names.Length], Names[(k + 3) % Names.Length], clause);
                var runs = AttributionTagger.LinkContents(document, Spilled(document, clause), null);
                ContentLinker.LearnPredicted(learner, document, runs.Sentence, runs.Contents, runs.Cues, gold);
            }
        var (unseen, _) = ClaimedAfter("Omar Said", "Lena Moss", "the vote was rigged");
        var tags = Spilled(unseen, "the vote was rigged");

        var nearest = AttributionTagger.Assemble(unseen, tags);
        var learned = AttributionTagger.Assemble(unseen, tags, contentLinker: new ContentLinker(learner.Average(AttributionTrainer.MinWeight)));

        Assert.Equal(["said"], nearest.Select(r => unseen.Slice(r.Cue!)));
        Assert.Equal(["said", "claimed"], learned.Select(r => unseen.Slice(r.Cue!)));
        Assert.Equal("The vote was rigged was the view", unseen.Slice(learned[1].Content));
    }

    [Fact]
    public void Cross_fitted_tags_come_from_taggers_that_did_not_see_the_article_and_train_the_final_linkers()
    {
        var corpus = Corpus(0, 48);

        // Four folds, not three: "claimed" is every sixth sentence, and three folds would put all of them in one.
        var tags = AttributionTrainer.CrossFitTags(corpus, folds: 4, epochs: 4);

        Assert.Equal(corpus.Count, tags.Length);
        Assert.All(corpus.Zip(tags), x => Assert.Equal(x.First.Item1.Tokens.Count, x.Second.Length));
        // Taggers trained on the other three folds find "claimed", its content and speaker in this fold's sentences.
        var claimed = corpus.Select((c, k) => (c, k)).First(x => x.c.Item1.Text.Contains(" claimed ")).k;
        var relation = Assert.Single(AttributionTagger.Assemble(corpus[claimed].Item1, tags[claimed]));
        Assert.Equal(corpus[claimed].Item2[0], relation);

        var tagger = AttributionTrainer.Train(corpus, Corpus(48, 6), epochs: 4, folds: 4);
        var (unseen, _) = Sentence("Jo Smith", "claimed", "the river is polluted", attributed: true);
        var found = Assert.Single(tagger.Relations(unseen));
        Assert.Equal("Jo Smith", unseen.Slice(found.Source!));
        Assert.Equal("the river is polluted", unseen.Slice(found.Content));
    }

    [Fact]
    public void The_outside_bias_kept_is_the_one_that_scores_best_on_the_held_out_documents()
    {
        var tagger = AttributionTrainer.Train(Corpus(0, 24), [], epochs: 2);
        var tried = new List<(float Bias, double F1)>();

        var chosen = AttributionTrainer.ChooseOutsideBias(tagger, Corpus(24, 12), (bias, s) => tried.Add((bias, s.ContentSource.F1)));

        Assert.Equal(AttributionTrainer.OutsideBiases, tried.Select(t => t.Bias));
        Assert.Equal(tried.First(t => t.F1 == tried.Max(x => x.F1)).Bias, chosen.OutsideBias);
        Assert.Same(tagger, AttributionTrainer.ChooseOutsideBias(tagger, []));
    }

    [Fact]
    public void A_second_pass_reads_the_first_pass_tags_around_each_token()
    {
        var (document, gold) = Sentence("Tom Berg", "said", "the plan would fail", attributed: true);
        var prepared = new AttributionFeatures(CueLexicon.Build([(document.Tokens, AttributionTags.Encode(document.Tokens, gold))])).Prepare(document);
        var tagged = AttributionTags.Encode(document.Tokens, gold);
        var nothing = new int[tagged.Length];

        var stacked = AttributionFeatures.Stacked(prepared, tagged);
        var untagged = AttributionFeatures.Stacked(prepared, nothing);

        // Each token keeps its own features first and gains those of the first pass's tags.
        Assert.All(prepared.Zip(stacked), x => Assert.Equal(x.First, x.Second[..x.First.Length]));
        Assert.All(stacked.Zip(prepared), x => Assert.Equal(x.Second.Length + 7, x.First.Length));
        // The tags, not the words, make the difference: "said" tagged as a cue reads otherwise than untagged.
        Assert.NotEqual(stacked[2][prepared[2].Length..], untagged[2][prepared[2].Length..]);
        Assert.Equal(stacked[2][..prepared[2].Length], untagged[2][..prepared[2].Length]);
    }

    [Fact]
    public void A_two_pass_model_finds_relations_and_reads_back_with_its_second_pass()
    {
        var tagger = AttributionTrainer.Train(Corpus(0, 48), Corpus(48, 6), epochs: 3, folds: 4, stacked: true);
        var path = Path.GetTempFileName();
        try
        {
            tagger.Save(path);
            using var stream = File.OpenRead(path);
            var loaded = AttributionTagger.Load(stream);

            Assert.NotNull(tagger.Second);
            Assert.NotNull(loaded.Second);
            var (unseen, _) = Sentence("Jo Smith", "claimed", "the river is polluted", attributed: true);
            var found = Assert.Single(loaded.Relations(unseen));
            Assert.Equal("Jo Smith", unseen.Slice(found.Source!));
            Assert.Equal("the river is polluted", unseen.Slice(found.Content));
            foreach (var (document, _) in Corpus(54, 6))
                Assert.Equal(tagger.Relations(document), loaded.Relations(document));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int[] TagsFor(Document document, params (string Words, AttributionRole Role)[] runs)
    {
        var gold = new List<Attribution>();
        var from = 0;
        foreach (var (words, role) in runs)
        {
            var start = document.Text.IndexOf(words, from, StringComparison.Ordinal);
            var span = new RoleSpan(start, start + words.Length);
            from = span.End;
            // One relation per run: only the runs matter here, not which relation the tags came from.
            gold.Add(role switch
            {
                AttributionRole.Content => new Attribution(span, null, null),
                AttributionRole.Cue => new Attribution(new RoleSpan(0, 0), span, null),
                _ => new Attribution(new RoleSpan(0, 0), null, span),
            });
        }
        return AttributionTags.Encode(document.Tokens, gold);
    }
}
