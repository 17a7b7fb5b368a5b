using System.Globalization;
using Factdesk.Evidence;

namespace Factdesk.Cli.TrainTasks;

/// <summary>models/stance.md: what the stance model was trained on, how, and what it scored on held-out bodies.</summary>
internal static class StanceModelCard
{
    public static string Write(string bodies, string stances, int trainPairs, int devPairs, StanceClassifier.Options options,
        FncScore dev, long bytes, double minutes) => string.Create(CultureInfo.InvariantCulture, $"""
        # stance.zip — stance of a text toward a claim

        LightGBM multiclass (Microsoft.ML.LightGbm 5.0.1, {options.Trees} rounds, {options.Leaves} leaves, learning rate {options.LearningRate},
        at least {options.MinLeafExamples} examples per leaf, agree examples weighted {options.RareClassWeight}
        and disagree {2 * options.RareClassWeight}, seed {options.Seed}) over {StanceFeatures.Count} features computed by
        `Factdesk.Evidence.StanceFeatures`: TF-IDF cosine of words (whole body, lead, best sentences), cosine of character
        4-grams, shared terms, bigrams, capitalised names and numbers, and counts of refuting, hedging, supporting and
        negation cues. No sentence embeddings. The zip holds the ML.NET model and the idf table ({bytes / 1024.0:0} KB).

        Labels: FNC-1 agree / disagree / discuss / unrelated = dossier supports / refutes / discusses / unrelated.
        Empty or non-English input is `unrelated` without asking the model.

        ## Training data

        FNC-1 (Fake News Challenge stage 1), `train_bodies.csv` and `train_stances.csv` from
        github.com/FakeNewsChallenge/fnc-1 (commit 29d473a; see `../shared/datasets/fnc-1/PROVENANCE.md`). Derived from
        the Emergent data set (Ferreira & Vlachos 2016). Licence: none stated in the repository ("research use, terms
        unstated"). The competition test files were not used.

        {trainPairs} pairs trained on; {devPairs} pairs held out: every body whose Body ID falls in the development share
        of `StableSplit.IsDevelopment(bodyId, 0.2)`. Training took {minutes:0.0} min.

        ```bash
        ./factdesk train stance --bodies {bodies} --stances {stances} --trees {options.Trees} --leaves {options.Leaves} --rare-weight {options.RareClassWeight}
        ```

        ## Held-out scores (development split)

        | FNC score | macro-F1 | F1 agree | F1 disagree | F1 discuss | F1 unrelated |
        |---:|---:|---:|---:|---:|---:|
        | {dev.Relative:0.0000} | {dev.MacroF1:0.0000} | {dev.F1(Documents.Stance.Supports):0.0000} | {dev.F1(Documents.Stance.Refutes):0.0000} | {dev.F1(Documents.Stance.Discusses):0.0000} | {dev.F1(Documents.Stance.Unrelated):0.0000} |

        Confusion matrix (rows gold, columns predicted):

        ```
        {StanceBenchmark.ConfusionTable(dev).Replace("\n", "\n        ", StringComparison.Ordinal)}
        ```

        Reproduce with `./factdesk eval stance --bodies {bodies} --stances {stances}` (scores the same development split).

        ## Limits

        FNC-1 pairs a headline with a whole news article; in a dossier the text is one quoted statement, which is
        shorter than anything the model saw. `ReviewFinder` therefore lets explicit refuting cue words
        (`StanceRules`) override the model. English only.

        """);
}
