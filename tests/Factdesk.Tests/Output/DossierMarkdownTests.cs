using Factdesk.Documents;
using Factdesk.Output;

namespace Factdesk.Tests.Output;

public sealed class DossierMarkdownTests
{
    private static readonly string Report = DossierMarkdown.Render(SampleDocument.Create());

    [Fact]
    public void Starts_with_the_title_and_a_source_line()
    {
        Assert.StartsWith("# Ministry claims collusion\n", Report.ReplaceLineEndings("\n"));
        Assert.Contains("Example News", Report);
        Assert.Contains("published 2017-06-12", Report);
    }

    [Fact]
    public void The_review_names_the_claimant_with_title_and_says_whether_the_verdict_is_stated()
    {
        Assert.Contains("Oleg Ivanov (commander, Russian forces)", Report);
        Assert.Contains("False (stated)", Report);
    }

    [Fact]
    public void A_suggested_verdict_is_labelled_as_such()
    {
        var doc = new Document("x", new SourceInfo(null))
        {
            Review = new ReviewInfo(new ReviewedClaim("x", null, null), new Verdict("Misleading", Stated: false), []),
        };
        Assert.Contains("Misleading (suggested)", DossierMarkdown.Render(doc));
    }

    [Fact]
    public void Quote_cells_escape_pipes_and_stay_on_one_line()
    {
        var row = Report.ReplaceLineEndings("\n").Split('\n').Single(l => l.Contains("coalition \\|"));
        Assert.Equal("| Oleg Ivanov | commander, Russian forces | direct | The coalition \\| colludes with them. |", row);
    }

    [Fact]
    public void Claims_carry_their_scores()
    {
        Assert.Contains("1. The coalition colludes with them. — score 0.88", Report);
    }

    [Fact]
    public void Entities_are_grouped_by_canonical_name_with_their_mentions()
    {
        Assert.Contains("- **Oleg Ivanov** (PERSON, 2 mentions): “Gen. Ivanov”, “Ivanov”", Report);
        Assert.Contains("- **Kyiv** (LOCATION, 1 mention): “Kyiv”", Report);
    }
}
