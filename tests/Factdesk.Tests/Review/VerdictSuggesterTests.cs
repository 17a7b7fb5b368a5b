using System.Text.Json;
using Factdesk.Documents;
using Factdesk.Output;
using Factdesk.Pipeline;
using Factdesk.Publishing;
using Factdesk.Review;

namespace Factdesk.Tests.Review;

public sealed class VerdictSuggesterTests
{
    private static readonly Speaker Mayor = new("Harold Vance", "mayor", "Millbrook Council");

    private static readonly VerdictSuggester Polygraph = new(RatingScales.Get("polygraph"));

    private static ReviewInfo Review(params EvidenceSource[] sources) =>
        new(new ReviewedClaim("Crime in Millbrook doubled last year.", Mayor, null), null, sources);

    private static EvidenceSource Source(string name, Stance stance, string? organisation = null) =>
        new(new Speaker(name, null, organisation), $"{name} said something.", stance);

    [Fact]
    public void Two_independent_refutations_and_no_support_give_the_false_end_as_a_suggestion()
    {
        var suggestion = Polygraph.Suggest(Review(Source("Ana Ortiz", Stance.Refutes), Source("Ben Cole", Stance.Refutes), Source("Cy Dunn", Stance.Discusses)), []);

        Assert.NotNull(suggestion);
        Assert.Equal(new Verdict("False", Stated: false), suggestion.Verdict);
        Assert.Equal(["Ana Ortiz", "Ben Cole"], suggestion.Deciding.Select(s => s.Speaker.Name));
        Assert.Contains("Ana Ortiz, Ben Cole", suggestion.Explanation);
    }

    [Fact]
    public void One_independent_refutation_is_only_likely_false()
    {
        Assert.Equal("Likely False", Polygraph.Suggest(Review(Source("Ana Ortiz", Stance.Refutes)), [])?.Verdict.Label);
    }

    [Fact]
    public void Two_independent_supports_give_the_true_end()
    {
        Assert.Equal("True", Polygraph.Suggest(Review(Source("Ana Ortiz", Stance.Supports), Source("Ben Cole", Stance.Supports)), [])?.Verdict.Label);
    }

    [Fact]
    public void Mixed_independent_evidence_lands_in_the_middle_and_names_both_sides()
    {
        var suggestion = Polygraph.Suggest(Review(Source("Ana Ortiz", Stance.Refutes), Source("Ben Cole", Stance.Supports)), []);

        Assert.Equal("Partially True", suggestion?.Verdict.Label);
        Assert.Contains("Ana Ortiz against", suggestion!.Explanation);
        Assert.Contains("Ben Cole for", suggestion.Explanation);
    }

    [Fact]
    public void Sources_on_the_claimants_side_do_not_count_as_independent()
    {
        // The mayor's own spokesman backs him, a colleague from his council too: no independent evidence either way.
        var suggestion = Polygraph.Suggest(Review(Source("Harold Vance", Stance.Supports), Source("Dee Fox", Stance.Supports, "Millbrook Council")), []);

        Assert.Equal("Unsubstantiated", suggestion?.Verdict.Label);
        Assert.False(suggestion!.Verdict.Stated);
        Assert.Contains("claimant's own side", suggestion.Explanation);
        Assert.Equal(2, suggestion.Deciding.Count);
    }

    [Fact]
    public void A_scale_without_a_not_enough_evidence_label_gets_no_suggestion_instead_of_a_middle_one()
    {
        var politifact = new VerdictSuggester(RatingScales.Get("politifact"));

        Assert.Null(politifact.Suggest(Review(Source("Harold Vance", Stance.Supports)), []));
    }

    [Fact]
    public void No_sources_and_no_matches_suggest_nothing()
    {
        Assert.Null(Polygraph.Suggest(Review(), []));
    }

    [Fact]
    public void A_confident_earlier_fact_check_carries_its_verdict_onto_the_active_scale()
    {
        ClaimMatch[] matches =
        [
            new("Crime in Millbrook doubled.", "Mostly True", "https://example.org/weak", 0.5),
            new("Millbrook crime doubled in 2023.", "Pants on Fire", "https://example.org/check", 0.93),
        ];

        var suggestion = Polygraph.Suggest(Review(Source("Ben Cole", Stance.Supports)), matches);

        Assert.Equal(new Verdict("False", Stated: false), suggestion?.Verdict);
        Assert.Contains("https://example.org/check", suggestion!.Explanation);
    }

    [Fact]
    public void An_unsure_match_does_not_decide()
    {
        var suggestion = Polygraph.Suggest(Review(Source("Ben Cole", Stance.Supports)), [new("Crime doubled.", "False", null, 0.5)]);

        Assert.Equal("Likely True", suggestion?.Verdict.Label);
    }

    [Fact]
    public void In_the_pipeline_the_stated_verdict_stays_and_the_suggestion_is_written_beside_it()
    {
        var document = PipelineBuilder.CreateDefault().Build().Process(new Document(
            "Claim: crime in Millbrook tripled in the last four years.\n" +
            "Verdict: Misleading\n" +
            "“There is no sign that crime tripled, the claim is false,” said police analyst Marcus Hale.", new SourceInfo(null)));

        var review = Assert.IsType<ReviewInfo>(document.Review);
        Assert.Equal(new Verdict("Misleading", true), review.Verdict);
        Assert.Equal(new Verdict("Likely False", false), review.Suggestion?.Verdict);
        using var json = JsonDocument.Parse(DossierJson.Serialize(document));
        var reviewJson = json.RootElement.GetProperty("review");
        Assert.Equal("Misleading", reviewJson.GetProperty("verdict").GetProperty("label").GetString());
        var suggestion = reviewJson.GetProperty("suggestion");
        Assert.Equal(["label", "stated", "explanation"], suggestion.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Likely False", suggestion.GetProperty("label").GetString());
        Assert.False(suggestion.GetProperty("stated").GetBoolean());
        Assert.Contains("Marcus Hale", suggestion.GetProperty("explanation").GetString());
    }
}
