using Factdesk.Documents;
using Factdesk.Segmentation;

namespace Factdesk.Claims;

/// <summary>
/// The fallback check-worthiness score when no trained model is built into the library: transparent rules on
/// numbers, named entities, attribution to a speaker, and penalties for questions, opinions and page furniture.
/// </summary>
internal static class CheckWorthinessRules
{
    private static readonly HashSet<string> Opinion = new(StringComparer.OrdinalIgnoreCase)
    {
        "think", "believe", "feel", "hope", "should", "must", "ought", "perhaps", "maybe", "wonder", "love", "hate",
        "please", "subscribe", "click", "share", "follow", "sign", "newsletter",
    };

    private static readonly HashSet<string> FirstOrSecondPerson = new(StringComparer.OrdinalIgnoreCase) { "i", "we", "you", "our", "us", "my", "your" };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "hundreds", "thousands", "millions", "billions", "million", "billion", "trillion", "percent", "per", "half",
        "dozens", "twice", "double", "doubled", "tripled", "majority", "kilometers", "kilometres", "miles",
    };

    /// <summary>A rule score in [0,1]; reads the document, writes nothing.</summary>
    public static double Predict(Document document, Sentence sentence)
    {
        var tokens = document.Tokens;
        int words = 0, numbers = 0, personal = 0, opinion = 0;
        for (var i = tokens.FirstAtOrAfter(sentence.Start); i < tokens.Count && tokens[i].End <= sentence.End; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Number || NumberWords.Contains(t.Text)) numbers++;
            if (t.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            words++;
            if (FirstOrSecondPerson.Contains(t.Text) && !InsideQuote(document, t.Start)) personal++;
            if (Opinion.Contains(t.Text)) opinion++;
        }
        var inSentence = document.Entities.Within(sentence.Start, sentence.End).ToList();
        var entities = inSentence.Count(e => e.Type != EntityType.Date);
        var dates = inSentence.Count - entities;
        var attributed = CheckWorthiness.Claimant(document, sentence) is not null;
        var last = document.Text[sentence.End - 1];

        var z = -1.6;
        z += words switch { < 6 => -2.0, <= 60 => 0.6, _ => 0.0 };
        z += Math.Min(numbers, 2) * 0.9;
        z += Math.Min(entities, 3) * 0.45;
        z += Math.Min(dates, 1) * 0.3;
        z += attributed ? 0.8 : 0.0;
        z -= last == '?' ? 1.8 : 0.0;
        z -= last is not ('.' or '!' or '”' or '"' or '’' or ')') ? 1.2 : 0.0; // headlines, captions, menu lines
        z -= Math.Min(personal, 2) * 0.5;
        z -= Math.Min(opinion, 2) * 0.6;
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    private static bool InsideQuote(Document document, int offset) =>
        document.Quotes.Overlapping(offset, offset + 1).Any(q => q.Kind == QuoteKind.Direct);
}
