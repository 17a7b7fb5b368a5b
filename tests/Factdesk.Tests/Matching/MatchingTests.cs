using System.Numerics.Tensors;
using Factdesk.Evaluation;
using Factdesk.Matching;

namespace Factdesk.Tests.Matching;

public sealed class SearchTermsTests
{
    [Fact]
    public void Links_stop_words_and_endings_are_dropped() =>
        Assert.Equal(["mayor", "claim", "bridge", "clos", "2019"],
            SearchTerms.Of("The mayor's claims: the bridge was closed in 2019 https://t.co/abc123 pic.twitter.com/xyz"));

    [Theory]
    [InlineData("claims", "claim")]
    [InlineData("stories", "story")]
    [InlineData("closed", "clos")]
    [InlineData("virus", "virus")]
    [InlineData("5g", "5g")]
    public void Stemming_is_light(string word, string stem) => Assert.Equal(stem, SearchTerms.Stem(word));
}

public sealed class Bm25IndexTests
{
    [Fact]
    public void The_document_sharing_the_rarest_terms_ranks_first()
    {
        var index = new Bm25Index(["The bridge over the river closed.", "Vaccines cause autism in children.", "The river flooded the town."]);

        var hits = index.Search("Do vaccines cause autism?", 3);

        Assert.Equal(1, hits[0].Doc);
        Assert.DoesNotContain(hits, h => h.Doc == 0);
    }

    [Fact]
    public void A_query_of_only_punctuation_finds_nothing() =>
        Assert.Empty(new Bm25Index(["Some text."]).Search("?!... ---", 10));
}

public sealed class RankingMetricsTests
{
    private static readonly HashSet<string> Gold = ["b", "d"];

    [Fact]
    public void Average_precision_divides_by_the_number_relevant()
    {
        // b at rank 2 (precision 1/2), d at rank 4 (precision 2/4): (0.5 + 0.5) / 2.
        Assert.Equal(0.5, RankingMetrics.AveragePrecisionAt(["a", "b", "c", "d"], Gold, 5), 6);
        Assert.Equal(0.25, RankingMetrics.AveragePrecisionAt(["a", "b", "c", "d"], Gold, 3), 6);
        Assert.Equal(0, RankingMetrics.AveragePrecisionAt(["a"], Gold, 1));
    }

    [Fact]
    public void Reciprocal_rank_and_recall()
    {
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(["a", "b", "d"], Gold));
        Assert.Equal(0.5, RankingMetrics.RecallAt(["a", "b", "c"], Gold, 2));
        Assert.Equal(0, RankingMetrics.ReciprocalRank(["x"], Gold));
    }
}

public sealed class CheckThatFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Tsv_fields_may_be_quoted_with_tabs_quotes_and_line_breaks() =>
        Assert.Equal([["1", "a \"quoted\"\tword\nnext line", "x"], ["2", "plain", ""]],
            Tsv.Parse("1\t\"a \"\"quoted\"\"\tword\nnext line\"\tx\n2\tplain\t\n").ToArray());

    [Fact]
    public void A_2020_benchmark_is_read_with_its_headers_and_judgements()
    {
        var benchmark = CheckThatRetrieval.Read2020(
            _temp.Write("v.tsv", "\tvclaim\ttitle\n0\tThe moon is made of cheese.\tMoon cheese?\n1\tSharks live in lakes.\t\n"),
            _temp.Write("q.tsv", "\ttweet_content\n7\tis the moon cheese\n8\tunjudged\n"),
            _temp.Write("r.qrels", "7\t0\t0\t1\n"));

        Assert.Equal(2, benchmark.Collection.Count);
        Assert.Equal("Moon cheese?", benchmark.Collection[0].Title);
        Assert.Null(benchmark.Collection[1].Title);
        Assert.Equal(2, benchmark.Queries.Count);
        Assert.Equal(["0"], benchmark.Relevant["7"]);
    }

    [Fact]
    public void A_zip_that_is_not_one_is_a_clear_error()
    {
        var error = Assert.Throws<Factdesk.Ingestion.InputException>(() =>
            CheckThatRetrieval.Read2022(_temp.Write("v.zip", "not a zip"), _temp.Write("q.tsv", "1\tq\n"), _temp.Write("r.tsv", "1\t0\tx\t1\n")));
        Assert.Contains("v.zip: is not a zip archive", error.Message);
    }
}

/// <summary>The real MiniLM model from its NuGet package: loads offline and places paraphrases together.</summary>
public sealed class SentenceEncoderTests
{
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => SentenceEncoder.Load());

    [Fact]
    public void Vectors_have_unit_length_and_paraphrases_are_closer_than_unrelated_texts()
    {
        var v = Encoder.Value.Encode(["The coalition colluded with ISIS near Raqqa.", "US-led forces secretly cooperated with Islamic State around Raqqa.", "The recipe needs two eggs and flour."]);

        Assert.All(v, x => Assert.Equal(1.0, TensorPrimitives.Norm(x), 3));
        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.3);
    }

    [Fact]
    public void The_matcher_finds_a_reworded_fact_check_first()
    {
        var matcher = new ClaimMatcher(
        [
            new FactCheckEntry("1", "Drinking hot water cures the coronavirus.", "Hot water does not cure COVID-19"),
            new FactCheckEntry("2", "The Eiffel Tower will be demolished in 2025.", "No, the Eiffel Tower is not being torn down"),
            new FactCheckEntry("3", "5G towers spread the virus.", "5G does not spread viruses"),
        ], Encoder.Value);

        var hits = matcher.Match("paris is going to tear down the eiffel tower next year", top: 3);

        Assert.Equal("2", hits[0].Entry.Id);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Empty_and_very_long_texts_are_encoded_without_error()
    {
        var v = Encoder.Value.Encode(["", new string('a', 200_000)]);
        Assert.Equal(2, v.Length);
        Assert.All(v, x => Assert.Equal(SentenceEncoder.Dimensions, x.Length));
    }
}
