using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class ExtractionBenchmarkTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Both_the_plain_and_the_wrapped_output_shapes_are_read()
    {
        var plain = _temp.Write("plain.json", """{"a": {"articleBody": "text a"}, "b": {"articleBody": null}}""");
        var wrapped = _temp.Write("wrapped.json", """{"version": "1.0", "output": {"a": {"articleBody": "text a"}}}""");

        Assert.Equal("text a", ExtractionBenchmark.ReadBodies(plain)["a"]);
        Assert.Equal("", ExtractionBenchmark.ReadBodies(plain)["b"]);
        Assert.Equal("text a", ExtractionBenchmark.ReadBodies(wrapped)["a"]);
    }

    [Fact]
    public void Invalid_json_is_an_input_error_naming_the_file()
    {
        var broken = _temp.Write("broken.json", "{ not json");

        var e = Assert.Throws<Factdesk.Ingestion.InputException>(() => ExtractionBenchmark.ReadBodies(broken));
        Assert.StartsWith(broken + ": ", e.Message);
    }

    /// <summary>
    /// The scorer against reference numbers computed independently (a Python port of the benchmark's
    /// evaluate.py) on the pages staged in ../shared. Skipped where the data set is absent.
    /// </summary>
    [Theory]
    [InlineData("trafilatura", 0.9630, 0.9471, 0.9794)]
    [InlineData("AutoExtract", 0.9735, 0.9834, 0.9639)]
    [InlineData("justext", 0.7479, 0.7384, 0.7576)]
    [InlineData("html-text", 0.6697, 0.5050, 0.9939)]
    public void Reference_outputs_score_as_with_the_original_scorer(string system, double f1, double precision, double recall)
    {
        var dir = TestPaths.Dataset("article-extraction-benchmark");
        Assert.SkipWhen(dir is null, "../shared/datasets/article-extraction-benchmark is not on this machine");

        var truth = ExtractionBenchmark.ReadBodies(Path.Combine(dir!, "ground-truth.json"));
        var output = ExtractionBenchmark.ReadBodies(Path.Combine(dir!, "output", system + ".json"));
        var report = ExtractionBenchmark.Score(truth, output, ExtractionBenchmark.IdsWithPages(Path.Combine(dir!, "html"), truth.Keys));

        Assert.Equal(f1, report.Metrics["f1"], 0.0001);
        Assert.Equal(precision, report.Metrics["precision"], 0.0001);
        Assert.Equal(recall, report.Metrics["recall"], 0.0001);
    }
}
