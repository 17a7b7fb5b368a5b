using System.Text.RegularExpressions;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

/// <summary>The real scraped Polygraph.info article kept outside the repository.</summary>
public sealed class ExampleArticleTests
{
    private static string ExamplePath => TestPaths.Example("polygraph-surovikin-raqqa.txt");

    [Fact]
    public void Debris_goes_and_the_header_block_stays_once()
    {
        var document = ArticleLoader.Load(ExamplePath);

        Assert.DoesNotContain("Accessibility links", document.Text);
        Assert.DoesNotContain("Breaking News", document.Text);
        Assert.Equal(1, Occurrences(document.Text, "Gen. Sergei Surovikin\n"));
        Assert.DoesNotContain("Battle for Raqqah, Syria", document.Text);
        Assert.Contains("Gen. Sergei Surovikin\n\nCommander of Russian forces in Syria\n\n", document.Text);
        Assert.Equal("en", document.Source.Language);
        Assert.Equal(ExamplePath, document.Source.Path);
        Assert.Null(document.Source.Url);
        Assert.Null(document.Source.Published);
    }

    [Fact]
    public void The_paragraph_broken_at_a_link_is_joined()
    {
        var document = ArticleLoader.Load(ExamplePath);
        Assert.Contains("of Raqqa in northern Syria.", document.Text);
    }

    [Fact]
    public void Title_is_the_headline_and_stays_the_first_paragraph()
    {
        var document = ArticleLoader.Load(ExamplePath);
        Assert.NotNull(document.Source.Title);
        Assert.StartsWith("Russian Defense Ministry:", document.Source.Title);
        Assert.StartsWith(document.Source.Title + "\n\n", document.Text);
    }

    [Fact]
    public void Every_sentence_of_the_article_survives()
    {
        var original = File.ReadAllText(ExamplePath);
        var text = ArticleLoader.Load(ExamplePath).Text;
        var flattened = Regex.Replace(text, @"\s+", " ");
        var sentenceLines = original.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 80);
        foreach (var line in sentenceLines)
            Assert.Contains(line, flattened);
        Assert.DoesNotContain("\n\n\n", text);
        Assert.DoesNotMatch(@"[ \t]\n", text);
    }

    private static int Occurrences(string text, string value) =>
        Regex.Matches(text, Regex.Escape(value)).Count;
}
