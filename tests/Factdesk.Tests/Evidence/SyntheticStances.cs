using System.Text;
using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.Evidence;

namespace Factdesk.Tests.Evidence;

/// <summary>
/// A small stance data set of our own writing in the FNC-1 shape: per topic one headline and three bodies that agree
/// with it, deny it and report it without taking a side; each headline is also paired with the next topic's bodies
/// (unrelated).
/// </summary>
internal static class SyntheticStances
{
    private static readonly (string Subject, string Event, string Place)[] Topics =
    [
        ("Mayor Ellen Barrow", "closed the northern ferry line", "Kettlewick"),
        ("The Halvard Foundation", "bought the old glass factory", "Morrisfield"),
        ("Singer Tomas Quillan", "cancelled his autumn tour", "Brightwater"),
        ("The Orla Valley council", "banned night flights", "Orla"),
        ("Striker Danny Vesco", "signed for Port Ambry", "Port Ambry"),
        ("Minister Rhea Castellan", "resigned over the bridge contract", "Sarnby"),
        ("The Lintwood zoo", "lost its two snow leopards", "Lintwood"),
        ("Author Pia Mendell", "sold the rights to her trilogy", "Glasmere"),
        ("The Corvane bank", "froze the accounts of the union", "Corvane"),
        ("Astronaut Juno Falk", "left the space agency", "Tarrow"),
        ("The Pellham hospital", "stopped night surgery", "Pellham"),
        ("Chef Marco Ingle", "closed his three restaurants", "Wexbury"),
        ("The Draycott school board", "dropped the uniform rule", "Draycott"),
        ("Senator Hollis Brant", "switched to the Green party", "Ashcombe"),
        ("The Quarry Lane mill", "laid off ninety workers", "Quarry Lane"),
        ("Painter Ilse Varga", "burned her early canvases", "Holloway"),
        ("The Merrow airline", "grounded its new jets", "Merrow"),
        ("Coach Abel Tyne", "was sacked after the derby", "Fenwick"),
        ("The Stoke Ridge mine", "flooded on Tuesday", "Stoke Ridge"),
        ("Professor Nadia Okoro", "won the Halden prize", "Halden"),
    ];

    public static int TopicCount => Topics.Length;

    public static string Headline(int topic) => $"{Topics[topic].Subject} {Topics[topic].Event}";

    public static Dictionary<int, string> Bodies()
    {
        var bodies = new Dictionary<int, string>();
        for (var t = 0; t < Topics.Length; t++)
        {
            var (subject, happened, place) = Topics[t];
            bodies[t * 10 + 1] = $"{subject} {happened} on Monday, officials in {place} confirmed. Records seen by this paper prove it: {subject} {happened}, and a spokesman said the decision was final. Residents in {place} said it was true.";
            bodies[t * 10 + 2] = $"{subject} has denied reports that {subject} {happened}. The story is false, a spokesman in {place} said, calling it a hoax and fake news. There is no evidence for it, and it never happened.";
            bodies[t * 10 + 3] = $"{subject} reportedly {happened}, according to unconfirmed reports from {place}. It is not clear whether the claims are accurate; {subject} could not be reached, and local media said the reports may be speculation.";
        }
        return bodies;
    }

    public static List<StancePair> Pairs(IEnumerable<int> topics)
    {
        var pairs = new List<StancePair>();
        foreach (var t in topics)
        {
            pairs.Add(new StancePair(Headline(t), t * 10 + 1, Stance.Supports));
            pairs.Add(new StancePair(Headline(t), t * 10 + 2, Stance.Refutes));
            pairs.Add(new StancePair(Headline(t), t * 10 + 3, Stance.Discusses));
            var other = (t + 1) % Topics.Length;
            foreach (var kind in new[] { 1, 2, 3 })
                pairs.Add(new StancePair(Headline(t), other * 10 + kind, Stance.Unrelated));
        }
        return pairs;
    }

    /// <summary>Training options for a data set this small: few rounds, small leaves.</summary>
    public static StanceClassifier.Options SmallOptions => new(Trees: 40, Leaves: 8, LearningRate: 0.2, MinLeafExamples: 2);

    public static string BodiesCsv(Dictionary<int, string> bodies)
    {
        var csv = new StringBuilder("Body ID,articleBody\n");
        foreach (var (id, body) in bodies)
            csv.Append(id).Append(',').Append(CsvRecords.Field(body)).Append('\n');
        return csv.ToString();
    }

    public static string StancesCsv(IReadOnlyList<StancePair> pairs) =>
        FncDataset.PredictionsCsv(pairs, pairs.Select(p => p.Gold!.Value).ToArray());
}
