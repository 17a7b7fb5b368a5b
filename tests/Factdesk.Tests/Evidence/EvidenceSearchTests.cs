using Factdesk.Documents;
using Factdesk.Evidence;
using Factdesk.Storage;

namespace Factdesk.Tests.Evidence;

public sealed class EvidenceSearchTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_quote_about_the_claim_ranks_first_with_its_speaker_source_and_stance()
    {
        var db = _temp.File("news.db");
        EvidenceArticles.IngestInto(db, _temp);
        using var store = SqliteArticleStore.Open(db);
        var search = new EvidenceSearch(store, SourceStance.Default());

        var hits = search.Search("The seawall repairs in Westmere are finished", 3);

        var first = hits[0];
        Assert.Contains("seawall repairs are finished", first.Passage.Text);
        Assert.Equal("Ellen Voss", first.Passage.Speaker?.Name);
        Assert.Equal("Quay to reopen on Monday", first.Passage.Source.Title);
        Assert.Equal("https://courier.example.org/quay-reopens", first.Passage.Source.Url);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), first.Passage.Source.Published);
        Assert.NotEqual(Stance.Unrelated, first.Stance);
        Assert.All(hits.Zip(hits.Skip(1)), pair => Assert.True(pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void A_passage_outside_any_quote_has_no_speaker_and_a_claim_sharing_no_word_finds_nothing()
    {
        var db = _temp.File("news.db");
        EvidenceArticles.IngestInto(db, _temp);
        using var store = SqliteArticleStore.Open(db);
        var search = new EvidenceSearch(store, new SourceStance(null));

        var forecast = search.Search("Strong winds are forecast this weekend", 1).Single();
        Assert.Contains("forecast across the coast", forecast.Passage.Text);
        Assert.Null(forecast.Passage.Speaker);
        Assert.Null(forecast.Passage.Quote);

        Assert.Empty(search.Search("zebra crossings", 5));
        Assert.Empty(search.Search("seawall", 0));
    }
}
