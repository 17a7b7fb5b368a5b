using Factdesk.Claims;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Claims;

/// <summary>The three data set readers on tiny files written here in each data set's layout.</summary>
public sealed class CheckWorthyReadersTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ClaimBuster_reads_ids_labels_and_texts_and_splits_by_id()
    {
        var path = _temp.Write("train.json", """
            [
              {"sentence_id": 11, "label": 1, "text": "Unemployment fell to 4 percent last year."},
              {"sentence_id": 12, "label": 0, "text": "Thank you all for coming."}
            ]
            """);

        var items = ClaimBusterReader.Read(path);

        Assert.Equal(["11", "12"], items.Select(i => i.Id));
        Assert.Equal([true, false], items.Select(i => i.Label));
        Assert.Equal("Thank you all for coming.", items[1].Text);
        Assert.Equal(Factdesk.Learning.StableSplit.IsDevelopment("11", ClaimBusterReader.DevelopmentShare), items[0].IsDevelopment);
    }

    [Fact]
    public void ClaimBuster_names_the_file_when_an_item_has_no_text()
    {
        var path = _temp.Write("bad.json", """[{"sentence_id": 1, "label": 1}]""");

        var e = Assert.Throws<InputException>(() => ClaimBusterReader.Read(path));
        Assert.Equal(path, e.Input);
        Assert.Throws<InputException>(() => ClaimBusterReader.Read(_temp.Write("object.json", "{}")));
        Assert.Throws<InputException>(() => ClaimBusterReader.Read(_temp.Write("broken.json", "[{")));
    }

    [Fact]
    public void Clef2019_reads_each_debate_as_a_group_held_out_as_a_whole()
    {
        var dir = _temp.File("debates");
        _temp.Write("debates/20200101_town_hall.tsv", "1\tHOST\tWelcome, everyone.\t0\n2\tSMITH\tWe built 300 schools in four years.\t1\n");
        _temp.Write("debates/20200202_press.tsv", "1\tJONES\tTaxes went up twice.\t1\n");

        var items = Clef2019Reader.Read(dir);

        Assert.Equal(["20200101_town_hall:1", "20200101_town_hall:2", "20200202_press:1"], items.Select(i => i.Id));
        Assert.Equal("We built 300 schools in four years.", items[1].Text);
        Assert.Equal([false, true, true], items.Select(i => i.Label));
        Assert.Single(items.Where(i => i.Group == "20200101_town_hall").Select(i => i.IsDevelopment).Distinct());
    }

    [Fact]
    public void Clef2019_names_the_line_that_is_not_four_fields()
    {
        _temp.Write("d/x.tsv", "1\tHOST\tHello\t0\n2\tHOST only three\t1\n");

        var e = Assert.Throws<InputException>(() => Clef2019Reader.Read(_temp.File("d")));
        Assert.EndsWith("x.tsv:2", e.Input);
        Assert.Throws<InputException>(() => Clef2019Reader.Read(_temp.File("missing")));
    }

    [Fact]
    public void Clef2020_tweets_read_by_header_with_the_last_column_as_label()
    {
        var path = _temp.Write("dev.tsv",
            "topic_id\ttweet_id\ttweet_url\ttweet_text\tclaim\tcheck_worthiness\n" +
            "flu\t101\thttp://example.invalid/101\tThe clinic tested 500 people today.\t1\t1\n" +
            "flu\t102\thttp://example.invalid/102\tStay safe out there friends\t0\t0\n");

        var items = Clef2020TweetsReader.Read(path);

        Assert.Equal(["101", "102"], items.Select(i => i.Id));
        Assert.Equal([true, false], items.Select(i => i.Label));
        Assert.All(items, i => Assert.Equal("flu", i.Group));
        Assert.All(items, i => Assert.True(i.IsDevelopment));
        Assert.Throws<InputException>(() => Clef2020TweetsReader.Read(_temp.Write("nohead.tsv", "a\tb\n")));
    }
}
