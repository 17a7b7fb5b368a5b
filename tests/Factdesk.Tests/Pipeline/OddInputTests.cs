using System.Diagnostics;
using Factdesk.Documents;
using Factdesk.Pipeline;

namespace Factdesk.Tests.Pipeline;

/// <summary>The full analysis on inputs no article looks like: it must finish, quickly, with every span inside the text.</summary>
public sealed class OddInputTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private static string Words(int count, Func<int, string> word) => string.Join(' ', Enumerable.Range(0, count).Select(word));

    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["empty"] = "",
        ["whitespace only"] = " \n\n \t \n",
        ["no punctuation"] = "the harbour reopened today and the ships came back to Millbrook with Tomas Reyes on board",
        ["one 20,000-word line"] = Words(20_000, i => i % 7 == 0 ? "Harbour" : i % 11 == 0 ? "said" : "word" + i % 13),
        ["5,000 unbalanced curly openers"] = string.Concat(Enumerable.Repeat("“a ", 5_000)),
        ["5,000 unbalanced straight marks"] = string.Concat(Enumerable.Repeat("\"a ", 5_000)),
        ["5,000 closers and openers over paragraphs"] = string.Concat(Enumerable.Repeat("” b “a c d e\n\n", 5_000)),
        ["repeated capitalised words"] = Words(9_000, i => (i % 3) switch { 0 => "Mister", 1 => "Big", _ => "Company" }) + ".",
        ["repeated names and acronyms"] = string.Concat(Enumerable.Repeat("Lt. Gen. Ann Lee of the Harbour Authority (HA) met IS near Tadia and al-Hamam. ", 1_500)),
        ["5,000 initials"] = string.Concat(Enumerable.Repeat("A. ", 5_000)),
        ["many split quotes"] = string.Concat(Enumerable.Repeat("“One two three four,” said John Smith. ", 2_000)),
    };

    public static TheoryData<string> Names => new(Inputs.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Finishes_quickly_with_every_span_inside_the_text(string name)
    {
        var text = Inputs[name];
        var watch = Stopwatch.StartNew();

        var doc = PipelineBuilder.CreateDefault().Build().Process(new Document(text, new SourceInfo(null)));

        Assert.True(watch.Elapsed < Generous, $"{name} took {watch.Elapsed}");
        AssertInside(doc);
    }

    [Fact]
    public void A_20000_word_line_of_unresolved_cues_finishes_quickly()
    {
        var text = string.Join(' ', Enumerable.Repeat("Smith said", 10_000)) + ".";
        var watch = Stopwatch.StartNew();

        var doc = PipelineBuilder.CreateDefault().Build().Process(new Document(text, new SourceInfo(null)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        AssertInside(doc);
    }

    [Fact]
    public void Nothing_is_found_in_empty_text()
    {
        var doc = PipelineBuilder.CreateDefault().Build().Process(new Document("", new SourceInfo(null)));

        Assert.Empty(doc.Sentences);
        Assert.Empty(doc.Tokens);
        Assert.Empty(doc.Entities);
        Assert.Empty(doc.Quotes);
        Assert.Empty(doc.Claims);
        Assert.Null(doc.Review);
    }

    [Fact]
    public void Unbalanced_marks_give_no_quotes()
    {
        var doc = PipelineBuilder.CreateDefault().Build().Process(new Document(Inputs["5,000 unbalanced curly openers"], new SourceInfo(null)));

        Assert.Empty(doc.Quotes);
        Assert.Equal(10_000, doc.Tokens.Count);
    }

    private static void AssertInside(Document doc)
    {
        var length = doc.Text.Length;
        var spans = doc.Sentences.Cast<ISpan>().Concat(doc.Tokens).Concat(doc.Entities).Concat(doc.Quotes).Concat(doc.Claims);
        Assert.All(spans, s => Assert.True(0 <= s.Start && s.Start <= s.End && s.End <= length, $"{s} outside [0,{length}]"));
        Assert.All(doc.Tokens, t => Assert.Equal(t.Text, doc.Text[t.Start..t.End]));
        Assert.All(doc.Entities, e => Assert.Equal(e.Text, doc.Text[e.Start..e.End]));
        Assert.All(doc.Quotes, q => Assert.Equal(q.Text, doc.Text[q.Start..q.End]));
        Assert.All(doc.Claims, c => Assert.InRange(c.Score, 0.0, 1.0));
    }
}
