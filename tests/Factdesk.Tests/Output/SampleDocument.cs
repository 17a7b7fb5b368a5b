using System.Text.Json.Nodes;
using Factdesk.Documents;

namespace Factdesk.Tests.Output;

/// <summary>A small document with every annotation filled in, written by hand so renderers can be checked exactly.</summary>
internal static class SampleDocument
{
    public const string Text = "Gen. Ivanov said: \"The coalition | colludes\nwith them.\" Officials in Kyiv called it false. Ivanov repeated it.";

    public static Document Create()
    {
        var general = new Speaker("Oleg Ivanov", "commander", "Russian forces");
        var officials = new Speaker(null, "officials", "U.S. Army");
        var doc = new Document(Text, new SourceInfo(
            "article.html", "https://example.org/a", "Ministry claims collusion", "Example News",
            new DateTimeOffset(2017, 6, 12, 9, 30, 0, TimeSpan.Zero), "en"));
        doc.Sentences.Add(new Sentence(0, 55));
        doc.Entities.Add(new Entity("Gen. Ivanov", EntityType.Person, 0, 11, "Oleg Ivanov"));
        doc.Entities.Add(new Entity("Kyiv", EntityType.Location, 69, 73, "Kyiv"));
        doc.Entities.Add(new Entity("Ivanov", EntityType.Person, 91, 97, "Oleg Ivanov"));
        doc.Quotes.Add(new Quote("The coalition | colludes\nwith them.", 19, 54, QuoteKind.Direct, "said", general));
        doc.Quotes.Add(new Quote("it false", 81, 89, QuoteKind.Indirect, "called", null));
        doc.Claims.Add(new Claim("The coalition colludes with them.", 19, 54, 0.875, general));
        doc.Review = new ReviewInfo(
            new ReviewedClaim("The coalition colludes with ISIS.", general, "2017-06-09"),
            new Verdict("False", Stated: true),
            [new EvidenceSource(officials, "The claims are false.", Stance.Refutes)]);
        doc.Matches.Add(new ClaimMatch("Coalition colludes with ISIS", "False", "https://example.org/check", 0.5));
        doc.ClaimReview = new JsonObject { ["@type"] = "ClaimReview", ["claimReviewed"] = "collusion" };
        return doc;
    }
}
