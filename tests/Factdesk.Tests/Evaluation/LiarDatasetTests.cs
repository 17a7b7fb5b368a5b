using Factdesk.Evaluation;
using Factdesk.Evidence;
using Factdesk.Ingestion;
using Factdesk.Review;
using Factdesk.Tests.Review;

namespace Factdesk.Tests.Evaluation;

public sealed class LiarDatasetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_liar_plus_rows_with_their_justification_unquoted()
    {
        var rows = LiarDataset.Read(_temp.Write("val2.tsv", LiarFixture.PlusRows));

        Assert.Equal(["101.json", "102.json", "103.json"], rows.Select(r => r.Id));
        Assert.Equal(["false", "true", "half-true"], rows.Select(r => r.Label));
        Assert.Equal("jane-roe", rows[0].Speaker);
        Assert.StartsWith("City records confirmed", rows[1].Justification);
        Assert.Equal("", rows[2].Justification);
    }

    [Fact]
    public void Reads_plain_liar_rows_without_a_justification()
    {
        var rows = LiarDataset.Read(_temp.Write("valid.tsv", "7.json\tpants-fire\tThe moon is cheese.\tscience\tx\t\t\tnone\t0\t0\t0\t0\t1\ta post\n"));

        Assert.Equal(("pants-fire", "The moon is cheese.", ""), (rows[0].Label, rows[0].Statement, rows[0].Justification));
    }

    [Fact]
    public void A_row_with_an_unknown_label_is_an_input_error_naming_its_row()
    {
        var path = _temp.Write("bad.tsv", "0\t1.json\tsort-of-true\tA claim.\ts\tx\t\t\tnone\t0\t0\t0\t0\t0\tc\tj\n");

        Assert.Contains("row 1", Assert.Throws<InputException>(() => LiarDataset.Read(path)).Message);
    }

    [Fact]
    public void Half_true_and_better_are_trueish()
    {
        Assert.Equal([false, false, false, true, true, true], LiarDataset.Labels.Select(LiarDataset.IsTrueish));
    }

    [Fact]
    public void The_scorer_suggests_from_the_justifications_stances_and_falls_back_without_them()
    {
        var rows = LiarDataset.Read(_temp.Write("val2.tsv", LiarFixture.PlusRows));

        // The cue rules alone (no model) keep this test independent of the shipped classifier.
        var predictions = VerdictBenchmark.Predict(rows, new SourceStance(null));
        var report = VerdictBenchmark.Score(predictions);

        Assert.Equal(["false", "true", VerdictBenchmark.Fallback], predictions.Select(p => p.Predicted));
        Assert.Equal(3, report.N);
        Assert.Equal(1.0, report.Metrics["accuracy_6way"]);
        Assert.Equal(1.0, report.Metrics["accuracy_2way"]);
        Assert.Equal(2.0 / 3, report.Metrics["suggested"], 6);
        Assert.Equal(4, VerdictBenchmark.PredictionsTsv(predictions).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
