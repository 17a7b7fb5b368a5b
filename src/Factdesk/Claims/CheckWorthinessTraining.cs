using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace Factdesk.Claims;

/// <summary>LightGBM settings; the defaults are the ones the shipped model was trained with.</summary>
public sealed record CheckWorthinessTrainingOptions(
    int Iterations = 200,
    int Leaves = 31,
    double LearningRate = 0.05,
    int MinimumExamplesPerLeaf = 20,
    float PositiveWeight = 5,
    int Seed = 1);

/// <summary>
/// Trains the check-worthiness models: LightGBM on TF-IDF word and character n-grams plus
/// <see cref="SentenceFeatures"/>, and the TF-IDF logistic-regression baseline it is measured against.
/// </summary>
public static class CheckWorthinessTraining
{
    public static CheckWorthinessModel TrainLightGbm(IEnumerable<LabelledSentence> sentences, CheckWorthinessTrainingOptions? options = null)
    {
        options ??= new CheckWorthinessTrainingOptions();
        var ml = new MLContext(seed: options.Seed);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            // Only 9% of the pooled sentences are check-worthy (3% of the debates); weighting them up keeps the
            // probability of a plainly factual sentence above one half.
            ExampleWeightColumnName = nameof(SentenceRow.Weight),
            Seed = options.Seed,
            // Two threads at most: the machines this trains on are shared.
            NumberOfThreads = 2,
            Verbose = false,
            Silent = true,
        });
        // Word n-grams only: character n-grams multiply LightGBM's training time several times on a shared machine.
        var pipeline = Featurize(ml, characters: false, maximumWords: 5_000)
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "Hand"))
            .Append(trainer);
        return Fit(ml, pipeline, sentences, options.PositiveWeight);
    }

    /// <summary>The reference: word and character n-gram TF-IDF with logistic regression, nothing hand-made.</summary>
    public static CheckWorthinessModel TrainBaseline(IEnumerable<LabelledSentence> sentences, int seed = 1)
    {
        var ml = new MLContext(seed: seed);
        var pipeline = Featurize(ml, characters: true, maximumWords: 20_000)
            .Append(ml.Transforms.CopyColumns("Features", "TextFeatures"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }));
        return Fit(ml, pipeline, sentences, positiveWeight: 1);
    }

    private static IEstimator<ITransformer> Featurize(MLContext ml, bool characters, int maximumWords) =>
        ml.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepNumbers = true,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = 2,
                UseAllLengths = true,
                MaximumNgramsCount = [maximumWords],
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            },
            CharFeatureExtractor = characters
                ? new WordBagEstimator.Options
                {
                    NgramLength = 4,
                    UseAllLengths = false,
                    MaximumNgramsCount = [20_000],
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                }
                : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, nameof(SentenceRow.Text));

    private static CheckWorthinessModel Fit(MLContext ml, IEstimator<ITransformer> pipeline, IEnumerable<LabelledSentence> sentences, float positiveWeight)
    {
        var rows = sentences.Select(s => SentenceRow.From(s.Text, s.Label)).ToList();
        foreach (var row in rows.Where(r => r.Label))
            row.Weight = positiveWeight;
        if (rows.Count == 0 || rows.All(r => r.Label) || rows.All(r => !r.Label))
            throw new ArgumentException("training needs check-worthy and other sentences", nameof(sentences));
        var data = ml.Data.LoadFromEnumerable(rows);
        return new CheckWorthinessModel(ml, pipeline.Fit(data), data.Schema);
    }
}
