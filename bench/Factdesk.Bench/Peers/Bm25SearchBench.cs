using System.Diagnostics;
using Factdesk.Bench.Results;
using Factdesk.Matching;
using Factdesk.Retrieval;
using static Factdesk.Bench.Peers.RunSeries;

namespace Factdesk.Bench.Peers;

/// <summary>
/// `bm25 SIZE|DB`: Factdesk's BM25 index (<see cref="Bm25Postings"/>, what `factdesk match` and the store search use;
/// not FTS5) beside Lucene (Lucene.Net, in process) and Xapian (python3-xapian, through bench/search_peers.py), on the
/// same documents (claim and title of each fact-check) and the same queries (the CheckThat! 2020 dev tweets), each
/// engine with its own English analysis and BM25 at k1 1.2, b 0.75. Each index is built once; then a warm-up pass and
/// --runs timed passes, the engines taking turns within each run. Quality: hit@10 (share of judged queries whose gold
/// vclaim is in the engine's top 10) and the agreement of the engines' top-10 sets.
/// </summary>
internal static class Bm25SearchBench
{
    private const int Top = 10;
    private const string Ours = "factdesk bm25";
    private const string Lucene = "lucene";
    private const string Xapian = "xapian";

    public static int Run(string[] args) => PythonPeer.Guarded("bm25", () => Measure(args));

    private static int Measure(string[] args)
    {
        var options = PeerOptions.Parse("bm25", args, smokeSize: 3_000, "builds");
        if (options is null) return 2;
        var started = DateTimeOffset.Now;
        var machine = MachineLine.Current();
        PythonPeer.EnsureInstalled("import xapian", "python3-xapian");

        var corpus = options.Store is { } db
            ? SearchCorpus.FromStore(db, options.Data, null)
            : SearchCorpus.Make(options.Data, options.Size, null, null, vectors: false);
        var texts = corpus.Queries.Select(q => q.Text).ToArray();
        Console.WriteLine(Invariant($"{corpus.Description}; {texts.Length} queries, load {Load()}"));

        var folder = Directory.CreateTempSubdirectory("factdesk-bm25-");
        try
        {
            File.WriteAllLines(Path.Combine(folder.FullName, "documents.tsv"), corpus.Documents.Select(d => Invariant($"{d.Label}\t{OneLine(d.Text)}")));
            File.WriteAllLines(Path.Combine(folder.FullName, "queries.txt"), texts.Select(OneLine));
            using var peer = PythonPeer.Start("bm25", folder.FullName);
            var series = new RunSeries();

            // Builds, --builds times each, taking turns (the last index of each is searched); memory from the first build.
            var builds = options.Smoke ? 1 : options.Int("builds", 1);
            Bm25Postings postings = null!;
            LuceneBm25? lucene = null;
            for (var build = 0; build < builds; build++)
            {
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var clock = Stopwatch.StartNew();
                postings = new Bm25Postings();
                foreach (var document in corpus.Documents) postings.Add(document.Label, StoreIndexes.TermsOf(document.Claim, document.Title));
                // The first search computes the terms' score bounds: part of making the index ready.
                postings.Search(["claim"], 1);
                series.Add(Ours, "build", "s", clock.Elapsed.TotalSeconds);
                if (build == 0) series.Add(Ours, "index memory", "MB", (GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6);

                lucene?.Dispose();
                lucene = null;
                before = GC.GetTotalMemory(forceFullCollection: true);
                clock.Restart();
                lucene = new LuceneBm25(corpus.Documents);
                series.Add(Lucene, "build", "s", clock.Elapsed.TotalSeconds);
                if (build == 0) series.Add(Lucene, "index memory", "MB", (GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6);

                var (seconds, memory) = peer.Build("xapian");
                series.Add(Xapian, "build", "s", seconds);
                if (build == 0) series.Add(Xapian, "index files", "MB", memory);
            }
            using var searchedLucene = lucene!;
            Console.WriteLine(Invariant($"indexes built, load {Load()}"));

            var passes = new Dictionary<string, Func<(double[], long[][])>>
            {
                [Ours] = () => Timed(texts, t => postings.Search(SearchTerms.Of(t).Distinct(StringComparer.Ordinal).Take(FactCheckSearch.MaxQueryTerms).ToList(), Top).Select(h => h.Label).ToArray()),
                [Lucene] = () => Timed(texts, t => searchedLucene.Search(t, Top)),
                [Xapian] = () => peer.Query("xapian"),
            };
            var found = series.Passes(options.Runs, passes);

            var judged = corpus.Queries.Select((q, i) => (q, i)).Where(p => p.q.Gold.Count > 0).Select(p => p.i).ToList();
            foreach (var system in passes.Keys)
                series.Add(system, "hit@10", "ratio", judged.Count(i => found[system][i].Any(corpus.Queries[i].Gold.Contains)) / (double)Math.Max(1, judged.Count));
            foreach (var (a, b) in (ReadOnlySpan<(string, string)>)[(Ours, Lucene), (Ours, Xapian), (Lucene, Xapian)])
                series.Add(a, "top-10 agreement with " + b, "ratio",
                    Overlap(found[a].Select(t => (IReadOnlyCollection<long>)t).ToList(), found[b].Select(t => (IReadOnlyCollection<long>)t).ToList()));

            var measurements = series.Measurements([(Ours, Lucene), (Ours, Xapian)]);
            Print(measurements);
            var notes = new List<string>
            {
                Invariant($"{corpus.Description}; each indexed as claim and title together"),
                Invariant($"{texts.Length} queries: the CheckThat! 2020 dev tweets; hit@10 over the {judged.Count} whose gold vclaim is among the documents"),
                "factdesk bm25 is Retrieval/Bm25Postings (MaxScore), the index `factdesk match` searches (not the FTS5 table); its terms are Matching/SearchTerms (stop words, light stemming)",
                "lucene: Lucene.Net 4.8.0-beta00017 in process, RAMDirectory, EnglishAnalyzer (Porter), BM25Similarity(1.2, 0.75), a SHOULD clause per distinct term; xapian: python3-xapian, a glass database in a temporary folder (in the page cache), English stemmer, Lucene's stop words, BM25Weight(k1 1.2, b 0.75), an OR of the distinct stemmed terms (the TermGenerator's, not the QueryParser's phrases); every engine searches at most 64 distinct terms per query",
                "index memory: growth of managed memory for ours and Lucene's RAMDirectory; xapian's \"index files\" is the size of its glass database",
                "query times include each engine's analysis of the query text and fetching the 10 labels; one query at a time on one thread; xapian's through its Python binding",
                Invariant($"each index built {builds} time(s), the engines taking turns (memory from the first build); query figures: {options.Runs} timed passes after a warm-up pass, engines taking turns in each"),
                "top-10 agreement with X: mean share of X's top 10 also in this engine's top 10",
                $"peer versions {peer.Versions.GetRawText()}",
                Invariant($"load average {machine.LoadAverage} at the start, {Load()} at the end"),
            };
            if (options.Smoke) notes.Add("smoke run: tiny sizes, one run; not a measurement");
            options.Save(new BenchResult("bm25-search", "Factdesk.Bench bm25 " + string.Join(' ', args), machine, started, measurements, notes));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string OneLine(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
