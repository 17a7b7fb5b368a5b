using System.Text.Json;
using Factdesk.Bench.Peers;
using Factdesk.Bench.Results;
using Factdesk.Documents;
using Factdesk.Entities;
using Factdesk.Pipeline;
using Factdesk.Segmentation;

namespace Factdesk.Bench;

/// <summary>
/// `nlp GROUND-TRUTH.json [--words N] [--runs N] [--smoke]`: words per second of sentence splitting plus named
/// entities, ours (the Segmenter and EntityRecognizer stages, as `check` runs them) beside wink-nlp with its English
/// lite web model and compromise, run by run, into bench/results/nlp.json. The texts are the article bodies of the
/// extraction benchmark's ground truth, taken in order until N words (whitespace-separated, the same count for all).
/// </summary>
internal static class NlpVersusPeers
{
    public static int Run(string[] args)
    {
        var options = new BenchOptions("nlp", args);
        if (options.Positional is not [var truth] || !File.Exists(truth))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench nlp ground-truth.json [--words N] [--runs N] [--smoke]");
            return 2;
        }
        var limit = options.Int("--words", options.Smoke ? 1_000 : 30_000);
        var texts = new List<string>();
        var words = 0;
        using (var json = JsonDocument.Parse(File.ReadAllText(truth)))
        {
            foreach (var article in json.RootElement.EnumerateObject())
            {
                if (words >= limit) break;
                var body = article.Value.GetProperty("articleBody").GetString() ?? "";
                texts.Add(body);
                words += body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            }
        }
        var textsFile = Path.GetTempFileName();
        File.WriteAllText(textsFile, JsonSerializer.Serialize(texts));
        var script = Path.Combine(BenchOptions.RepositoryRoot(), "bench", "peers", "nlp.mjs");
        var peers = new[]
        {
            PeerProcess.Start("wink-nlp (eng-lite-web)", "node", script, "wink", textsFile, "--serve"),
            PeerProcess.Start("compromise", "node", script, "compromise", textsFile, "--serve"),
        }.OfType<PeerProcess>().ToList();
        try
        {
            var pipeline = new PipelineBuilder().Add(new Segmenter()).Add(new EntityRecognizer()).Build();
            var (sentences, entities) = (0, 0);
            var measurements = SideBySide.Run("Factdesk", () =>
            {
                (sentences, entities) = (0, 0);
                foreach (var text in texts)
                {
                    var document = pipeline.Process(new Document(text, new SourceInfo(null)));
                    sentences += document.Sentences.Count;
                    entities += document.Entities.Count;
                }
            }, peers, words, "words/s", options.Runs);
            measurements.Add(SideBySide.OurPeakMemory("Factdesk"));
            measurements.AddRange(SideBySide.PeakMemory(peers));
            (BenchResult.Start("nlp", options.Command) with
            {
                Measurements = measurements,
                Notes =
                [
                    BenchOptions.Invariant($"{texts.Count} article bodies, {words:N0} words; Factdesk found {sentences:N0} sentences and {entities:N0} entities (people, organisations, places, dates)"),
                    "wink-nlp: readDoc, sentences and entities of its model; compromise: sentences, people, places and organisations of one parse",
                ],
            }).Save(options.ResultsDirectory);
        }
        finally
        {
            foreach (var peer in peers) peer.Dispose();
            File.Delete(textsFile);
        }
        return 0;
    }
}
