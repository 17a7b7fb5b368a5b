using Factdesk.Evaluation;
using Factdesk.Ingestion;
using Factdesk.Pipeline;
using Factdesk.Publishing;

namespace Factdesk.Tests.Evaluation;

public sealed class ReviewBenchmarkTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("factdesk-review-");

    public void Dispose() => _dir.Delete(recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir.FullName, name), text);

    [Fact]
    public void Scores_claim_claimant_and_verdict_against_the_index()
    {
        Write("a.txt", "Claim: crime in Millbrook tripled in the last four years.\nVerdict: Misleading\n“There is no sign of it,” said police analyst Marcus Hale.");
        Write("b.txt", "The city council met on Tuesday to discuss the new budget for schools in the north.");
        Write("index.jsonl",
            """
            {"file": "a.txt", "claim_quote": "crime in Millbrook tripled in the last four years", "claimant": null, "verdict": "misleading"}
            {"file": "b.txt", "claim_quote": "the schools budget doubled", "claimant": "Amy Ruiz", "claimant_title": "councillor", "verdict": "False"}

            """);

        var (report, lines) = ReviewBenchmark.Run(PipelineBuilder.CreateDefault().Build(), RatingScales.Default, ReviewBenchmark.Read(_dir.FullName));

        Assert.Equal(2, report.N);
        Assert.Equal(0.5, report.Metrics["recognised"]);
        Assert.Equal(0.5, report.Metrics["claim"]);
        Assert.Equal(0.0, report.Metrics["claimant"]);
        Assert.Equal(0.5, report.Metrics["verdict"]);
        Assert.Equal(["a.txt: claim ok, claimant -, verdict ok", "b.txt: no review found"], lines);
    }

    [Fact]
    public void A_folder_without_an_index_is_a_clear_error()
    {
        var error = Assert.Throws<InputException>(() => ReviewBenchmark.Read(_dir.FullName));

        Assert.Contains("index.jsonl", error.Message);
    }

    [Fact]
    public void A_broken_index_line_is_named_by_its_number()
    {
        Write("index.jsonl", "{\"file\": \"a.txt\"}\n{not json\n");

        var error = Assert.Throws<InputException>(() => ReviewBenchmark.Read(_dir.FullName));

        Assert.Contains("index.jsonl:2", error.Message);
    }

    [Theory]
    [InlineData("Sir Keir Starmer", "Keir Starmer", 0.8)]
    [InlineData("the claim", "a claim", 0.5)]
    [InlineData("", "anything", 0.0)]
    public void Word_overlap_is_the_F1_of_the_two_word_sets(string gold, string predicted, double expected)
    {
        Assert.Equal(expected, ReviewBenchmark.WordOverlap(gold, predicted), 3);
    }
}
