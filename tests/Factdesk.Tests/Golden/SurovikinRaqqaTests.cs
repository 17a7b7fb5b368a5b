using Factdesk.Documents;
using Factdesk.Ingestion;
using Factdesk.Pipeline;

namespace Factdesk.Tests.Golden;

/// <summary>
/// The example the project starts from: a Polygraph.info fact-check of a Russian general's claim that the
/// U.S.-led coalition "colluded" with IS near Raqqa. Every point of the P1 acceptance list is checked here.
/// </summary>
public sealed class SurovikinRaqqaTests
{
    private const string Surovikin = "Sergei Surovikin";
    private const string CoalitionTaskForce = "Combined Joint Task Force – Operation Inherent Resolve";

    private static readonly Lazy<Document> Analysed = new(() =>
        PipelineBuilder.CreateDefault().Build().Process(ArticleLoader.Load(TestPaths.Example("polygraph-surovikin-raqqa.txt"))));

    private static Document Doc
    {
        get
        {
            TestPaths.Example("polygraph-surovikin-raqqa.txt"); // skips the test when ../shared is absent
            return Analysed.Value;
        }
    }

    private static Quote QuoteStarting(string start) =>
        Assert.Single(Doc.Quotes, q => q.Text.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void Text_has_no_navigation_debris_and_no_repeated_captions()
    {
        Assert.DoesNotContain("Accessibility links", Doc.Text);
        Assert.DoesNotContain("Breaking News", Doc.Text);
        var lines = Doc.Text.Split('\n');
        Assert.Single(lines, l => l == "Gen. Sergei Surovikin");
        Assert.True(lines.Count(l => l == "Battle for Raqqah, Syria") <= 1);
        Assert.Contains("‘capital’ of Raqqa in northern Syria.”", Doc.Text); // the paragraph broken mid-sentence is joined
    }

    [Fact]
    public void Surovikin_has_his_two_statements_with_name_and_title()
    {
        foreach (var start in new[] { "Instead of eliminating terrorists", "in early June ISIL terrorists entered into collusion" })
        {
            var quote = QuoteStarting(start);
            Assert.Equal(QuoteKind.Direct, quote.Kind);
            Assert.Equal(Surovikin, quote.Speaker?.Name);
            Assert.Equal("Commander of Russian forces in Syria", quote.Speaker?.Title);
        }
        Assert.Equal("said", QuoteStarting("in early June ISIL").Cue); // "the Russian commander said that"
    }

    [Fact]
    public void Townsend_is_quoted_after_he_added()
    {
        var quote = QuoteStarting("It’s hard to convince new recruits");
        Assert.Equal("Steve Townsend", quote.Speaker?.Name);
        Assert.StartsWith("commander of Combined Joint Task Force", quote.Speaker?.Title);
        Assert.Equal("added", quote.Cue);
    }

    [Fact]
    public void Mehmud_has_two_quotes_as_YPG_spokesman()
    {
        foreach (var start in new[] { "The alleged news from an official", "We at the frontlines announce" })
        {
            var speaker = QuoteStarting(start).Speaker;
            Assert.Equal("Nuri Mehmud", speaker?.Name);
            Assert.Equal("spokesman", speaker?.Title);
            Assert.Equal("People's Protection Units", speaker?.Organization);
        }
    }

    [Fact]
    public void Central_Command_is_quoted_through_according_to()
    {
        var quote = QuoteStarting("encouraged civilians to depart Raqqah");
        Assert.Equal("U.S. Central Command", quote.Speaker?.Name);
        Assert.Equal("according to", quote.Cue);
    }

    [Fact]
    public void Williams_has_two_quotes_as_author()
    {
        foreach (var start in new[] { "This ranks as quintessential Kremlin disinformation", "All reports on the ground" })
        {
            var quote = QuoteStarting(start);
            Assert.Equal("Brian Williams", quote.Speaker?.Name);
            Assert.StartsWith("author of the book “Counter Jihad", quote.Speaker?.Title);
            Assert.Equal("told", quote.Cue);
        }
    }

    [Fact]
    public void The_coalition_spokesperson_has_three_quotes()
    {
        foreach (var start in new[] { "does not seek to fight Syrian regime", "The demonstrated hostile intent", "The Coalition calls on all parties" })
        {
            var speaker = QuoteStarting(start).Speaker;
            Assert.Null(speaker?.Name); // the article names no one: nothing is invented
            Assert.Equal("spokesperson", speaker?.Title);
            Assert.Equal(CoalitionTaskForce, speaker?.Organization);
        }
    }

    [Fact]
    public void Book_titles_and_scare_quotes_are_not_quotes()
    {
        Assert.DoesNotContain(Doc.Quotes, q => q.Text.StartsWith("Counter Jihad", StringComparison.Ordinal));
        Assert.DoesNotContain(Doc.Quotes, q => q.Text.Trim('.', ',') is "Collude" or "capital" or "capitals");
    }

    [Fact]
    public void Every_annotation_points_at_its_own_text()
    {
        foreach (var q in Doc.Quotes) Assert.Equal(q.Text, Doc.Text[q.Start..q.End]);
        foreach (var e in Doc.Entities) Assert.Equal(e.Text, Doc.Text[e.Start..e.End]);
        foreach (var c in Doc.Claims) Assert.Equal(c.Text, Doc.Text[c.Start..c.End]);
        Assert.All(Doc.Sentences, s => Assert.True(s.Start < s.End && s.End <= Doc.Text.Length));
    }

    [Theory]
    [InlineData("Islamic State", "IS", "ISIS", "ISIL", "Islamic State")]
    [InlineData("Raqqa", "Raqqa", "Raqqah")]
    [InlineData("Syrian Democratic Forces", "Syrian Democratic Forces", "SDF", "Democratic Forces Union")]
    [InlineData("People's Protection Units", "YPG", "People's Protection Units")]
    [InlineData(CoalitionTaskForce, "CJTF–OIR", "CJTF–Operation Inherent Resolve", CoalitionTaskForce)]
    public void Aliases_share_one_canonical_name(string canonical, params string[] mentions)
    {
        foreach (var mention in mentions)
        {
            var found = Doc.Entities.Where(e => e.Text == mention).ToList();
            Assert.NotEmpty(found);
            Assert.All(found, e => Assert.Equal(canonical, e.Canonical));
        }
    }

    [Theory]
    [InlineData(Surovikin, EntityType.Person)]
    [InlineData("Steve Townsend", EntityType.Person)]
    [InlineData("Nuri Mehmud", EntityType.Person)]
    [InlineData("Brian Williams", EntityType.Person)]
    [InlineData("Syria", EntityType.Location)]
    [InlineData("Iraq", EntityType.Location)]
    [InlineData("Tadia", EntityType.Location)]
    [InlineData("al-Hamam", EntityType.Location)]
    [InlineData("Palmyra", EntityType.Location)]
    [InlineData("Pentagon", EntityType.Org)]
    public void People_and_places_are_typed(string canonical, EntityType type) =>
        Assert.Contains(Doc.Entities, e => e.Canonical == canonical && e.Type == type);

    [Fact]
    public void The_review_is_Surovikins_claim_rated_False_with_refuting_sources()
    {
        var review = Assert.IsType<ReviewInfo>(Doc.Review);
        Assert.StartsWith("Instead of eliminating terrorists", review.Claim.Text);
        Assert.Equal(Surovikin, review.Claim.Claimant?.Name);
        Assert.Equal("Commander of Russian forces in Syria", review.Claim.Claimant?.Title);
        Assert.Equal(new Verdict("False", Stated: true), review.Verdict);

        Assert.Equal(Stance.Refutes, Assert.Single(review.Sources, s => s.Speaker.Name == "Nuri Mehmud").Stance);
        Assert.Equal(Stance.Refutes, Assert.Single(review.Sources, s => s.Speaker.Name == "Brian Williams").Stance);
        Assert.Equal(Stance.Refutes, Assert.Single(review.Sources, s => s.Speaker.Title == "spokesperson" && s.Speaker.Organization == CoalitionTaskForce).Stance);
        Assert.DoesNotContain(review.Sources, s => s.Speaker.Name == Surovikin && s.Stance == Stance.Refutes);
    }

    [Fact]
    public void The_claims_rank_Surovikins_statement_as_check_worthy()
    {
        var claim = Assert.Single(Doc.Claims, c => c.Text.Contains("Instead of eliminating terrorists", StringComparison.Ordinal));
        Assert.InRange(claim.Score, 0.5, 1.0);
        Assert.Equal(Surovikin, claim.Claimant?.Name);
        Assert.DoesNotContain(Doc.Claims, c => c.Text == "Commander of Russian forces in Syria");
    }
}
