using Factdesk.FactChecks;

namespace Factdesk.Tests.FactChecks;

/// <summary>The published files read as they are (parsing only: nothing is encoded, so these stay fast).</summary>
public sealed class SharedDatasetFilesTests
{
    [Theory]
    [InlineData("poynter-coronavirusfacts-2020", "data.json", "Poynter JSON", 1538)]
    [InlineData("poynter-coronavirusfacts-2020", "data.csv", "Poynter CSV", 1383)]
    [InlineData("clef2020-checkthat-task2", "v3.0/verified_claims.docs.tsv", "CheckThat! 2020 TSV", 10375)]
    [InlineData("clef2022-checkthat-task2a-en", "vclaims.zip", "CheckThat! 2022 vclaims", 14231)]
    public void Every_record_of_a_published_file_is_read_or_has_a_reason(string dataset, string file, string expectedFormat, int records)
    {
        var dir = TestPaths.Dataset(dataset);
        Assert.SkipUnless(dir is not null, $"{dataset} is not in ../shared/datasets on this machine");
        var (format, items) = FactCheckFiles.Read(Path.Combine(dir, file));
        Assert.Equal(expectedFormat, format);
        Assert.Equal(records, items.Count);
        Assert.All(items, i => Assert.True(i.Record is not null ^ i.Error is not null));
        // A few Poynter rows have no claim; the CheckThat! collections are complete.
        Assert.True(items.Count(i => i.Record is not null) > records * 0.99);
    }
}
