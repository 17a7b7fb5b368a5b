namespace Factdesk.Tests.Evaluation;

/// <summary>A two-sentence article of our own with PolNeAR-style brat annotations, written out as a split folder.</summary>
public static class PolnearFixture
{
    public const string Text = "The mayor said the new bridge will open in June.\nHe added that the budget was balanced.\n";

    // The second content is split in two fragments around "budget" on purpose; a Discuss flag is not a relation.
    public const string Ann =
        "T1\tSource 0 9\tThe mayor\n" +
        "T2\tCue 10 14\tsaid\n" +
        "T3\tContent 15 47\tthe new bridge will open in June\n" +
        "T4\tAttribution 10 14\tsaid\n" +
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
        "T5\tSource 49 51\tHe\n" +
        "T6\tCue 52 57\tadded\n" +
        "T7\tContent 58 69;70 86\tthat the budget was balanced\n" +
        "T8\tAttribution 52 57\tadded\n" +
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n" +
        "T9\tDiscuss 0 3\tThe\n";

    /// <summary>DIR/text/city-news.txt and DIR/attributions/city-news_a1.ann, plus a second annotator's file that must be ignored.</summary>
    public static string WriteSplit(TempDirectory temp)
    {
        temp.Write("split/text/city-news.txt", Text);
        temp.Write("split/attributions/city-news_a1.ann", Ann);
        temp.Write("split/attributions/city-news_b2.ann", "T1\tContent 0 9\tThe mayor\nE1\tContent:T1\n");
        return temp.File("split");
    }
}
