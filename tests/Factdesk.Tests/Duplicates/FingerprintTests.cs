using Factdesk.Duplicates;

namespace Factdesk.Tests.Duplicates;

public sealed class FingerprintTests
{
    [Fact]
    public void The_content_hash_ignores_spacing_case_and_punctuation_but_not_words()
    {
        var a = Fingerprint.Of("The quay  is shut.\n\nIt will reopen in May!");
        var b = Fingerprint.Of("the quay is shut — it will reopen in may");
        var c = Fingerprint.Of("The quay is open. It will reopen in May!");
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
        Assert.Equal(64, a.ContentHash.Length);
    }

    [Fact]
    public void A_reprint_is_a_few_bits_away_and_a_different_story_many()
    {
        var original = Fingerprint.Of(WireStory.Original);
        var reprint = Fingerprint.Of(WireStory.Reprint);
        var other = Fingerprint.Of(WireStory.SameTopic);
        Assert.True(Fingerprint.Distance(original.SimHash, reprint.SimHash) <= NearDuplicateIndex.MaxDistance);
        Assert.True(Fingerprint.Distance(original.SimHash, other.SimHash) > NearDuplicateIndex.SureDistance);
        Assert.True(Fingerprint.Overlap(WireStory.Original, WireStory.Reprint) >= NearDuplicateIndex.MinOverlap);
        Assert.True(Fingerprint.Overlap(WireStory.Original, WireStory.SameTopic) < 0.1);
    }

    [Fact]
    public void The_simhash_is_the_same_on_every_run()
    {
        // Stored fingerprints must stay comparable across processes, so no randomised string hashing.
        Assert.Equal(Fingerprint.Of(WireStory.Original).SimHash, Fingerprint.Of(WireStory.Original).SimHash);
        Assert.Equal(0UL, Fingerprint.Of("").SimHash);
    }

    [Fact]
    public void The_index_finds_the_original_of_a_reprint_and_nothing_for_a_new_story()
    {
        var texts = new Dictionary<long, string> { [1] = WireStory.SameTopic, [2] = WireStory.Original };
        var index = new NearDuplicateIndex([]);
        index.Add(1, Fingerprint.Of(WireStory.SameTopic));
        index.Add(2, Fingerprint.Of(WireStory.Original));
        Assert.Equal(2, index.FindOriginal(Fingerprint.Of(WireStory.Reprint), WireStory.Reprint, id => texts[id]));

        var fresh = "A completely unrelated report about a chess tournament in a mountain village, " +
                    "where a twelve-year-old beat the reigning champion in forty moves and then asked for a rematch.";
        Assert.Null(index.FindOriginal(Fingerprint.Of(fresh), fresh, id => texts[id]));
    }

    [Fact]
    public void Short_texts_are_never_called_copies()
    {
        var index = new NearDuplicateIndex([(1, Fingerprint.Of("Breaking: quay closed.").SimHash)]);
        var shortText = Fingerprint.Of("Breaking: quay closed.");
        Assert.False(shortText.CanMatchNearly);
        Assert.Null(index.FindOriginal(shortText, "Breaking: quay closed.", _ => "Breaking: quay closed."));
    }
}
