using Factdesk.Ingestion;

namespace Factdesk.Claims;

/// <summary>
/// CLEF 2020 CheckThat! task 1 tweets: a TSV with a header naming topic_id, tweet_id and tweet_text; the label is the
/// last column (check_worthiness). The topic is the ranked group. Factdesk never trains on tweets, so every tweet
/// counts as held out.
/// </summary>
public static class Clef2020TweetsReader
{
    public static IReadOnlyList<LabelledSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such file");
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext()) throw new InputException(path, "is empty; expected a header row");
        var header = lines.Current.Split('\t');
        int topic = Array.IndexOf(header, "topic_id"), id = Array.IndexOf(header, "tweet_id"), text = Array.IndexOf(header, "tweet_text");
        if (topic < 0 || id < 0 || text < 0)
            throw new InputException(path, "the header must name topic_id, tweet_id and tweet_text");
        var tweets = new List<LabelledSentence>();
        for (var number = 2; lines.MoveNext(); number++)
        {
            if (lines.Current.Length == 0) continue;
            var fields = lines.Current.Split('\t');
            if (fields.Length != header.Length || fields[^1].Trim() is not ("0" or "1"))
                throw new InputException($"{path}:{number}", $"expected {header.Length} tab-separated fields ending in a 0/1 label");
            tweets.Add(new LabelledSentence(fields[id], fields[topic], fields[text], fields[^1].Trim() == "1", IsDevelopment: true));
        }
        return tweets;
    }
}
