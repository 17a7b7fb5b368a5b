using Factdesk.Documents;
using Factdesk.Evidence;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Evidence;

public sealed class FncDatasetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_bodies_with_newlines_and_stances_with_commas()
    {
        var bodies = FncDataset.ReadBodies(_temp.Write("b.csv", "Body ID,articleBody\n4,\"One, two.\n\nThree \"\"four\"\".\"\n9,Short\n"));
        Assert.Equal("One, two.\n\nThree \"four\".", bodies[4]);
        Assert.Equal("Short", bodies[9]);

        var pairs = FncDataset.ReadStances(_temp.Write("s.csv", "Headline,Body ID,Stance\n\"Mayor, 61, quits\",4,disagree\nPlain,9,unrelated\n"));
        Assert.Equal([new StancePair("Mayor, 61, quits", 4, Stance.Refutes), new StancePair("Plain", 9, Stance.Unrelated)], pairs);
    }

    [Fact]
    public void Unlabelled_stances_have_no_gold() =>
        Assert.Null(Assert.Single(FncDataset.ReadStances(_temp.Write("s.csv", "Headline,Body ID\nPlain,9\n"))).Gold);

    [Theory]
    [InlineData("Title,Id\n1,x\n", "expected a header")]
    [InlineData("Headline,Body ID,Stance\nA,x,agree\n", "is not a number")]
    [InlineData("Headline,Body ID,Stance\nA,3,maybe\n", "unknown stance 'maybe'")]
    [InlineData("", "is empty")]
    public void Bad_files_say_what_is_wrong(string csv, string problem)
    {
        var e = Assert.Throws<InputException>(() => FncDataset.ReadStances(_temp.Write("s.csv", csv)).ToList());
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Missing_file_is_an_input_error() =>
        Assert.Contains("no such file", Assert.Throws<InputException>(() => FncDataset.ReadBodies(_temp.File("none.csv"))).Message);

    [Fact]
    public void Predictions_are_written_in_the_submission_format()
    {
        var csv = FncDataset.PredictionsCsv([new StancePair("Mayor, 61, quits", 4, null), new StancePair("Plain", 9, null)], [Stance.Discusses, Stance.Supports]);
        Assert.Equal("Headline,Body ID,Stance\n\"Mayor, 61, quits\",4,discuss\nPlain,9,agree\n", csv);
    }
}
