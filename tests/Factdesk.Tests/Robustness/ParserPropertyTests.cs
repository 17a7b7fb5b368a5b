using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Factdesk.Documents;
using Factdesk.Evaluation;
using Factdesk.FactChecks;
using Factdesk.Ingestion;
using Factdesk.Ingestion.Batch;
using Factdesk.Publishing;
using Factdesk.Tests.FactChecks;

namespace Factdesk.Tests.Robustness;

/// <summary>
/// Every parser and extractor on random and mutated real inputs: nothing escapes but <see cref="InputException"/>,
/// no offset falls outside the text, no input runs over <see cref="FuzzInputs.PerInputBudget"/>.
/// </summary>
public sealed class ParserPropertyTests
{
    private static readonly string[] TextSeeds = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt").Select(File.ReadAllText)];

    private static readonly string[] Tags = ["O", "B-PER", "I-PER", "I-LOC", "E-ORG", "S-X", "B-", "-", ""];

    private static readonly string[] HtmlSeeds =
    [
        """<html><head><title>Quay closed</title><meta property="og:site_name" content="Courier"></head><body><nav>Home | News</nav><article><h1>Quay closed</h1><p>"We are not taking any chances," the harbour master, Lena Okafor, said.</p><p>The quay will stay shut for three weeks, officials said.</p></article><footer>Cookies</footer></body></html>""",
        .. FuzzInputs.DatasetFiles("article-extraction-benchmark", "*.html.gz", 4, maxChars: 60_000),
    ];

    private static void Sample(Gen<string> gen, Action<string> parse, long quick = 40) =>
        gen.Sample(input => FuzzInputs.Survives(() => parse(input)), iter: FuzzInputs.Iterations(quick), threads: 1,
            print: s => s.Length > 300 ? $"({s.Length} chars) {s[..300]}…" : s);

    private static void InsideAndOrdered(IEnumerable<ISpan> spans, int length, bool disjoint)
    {
        var previous = (Start: 0, End: 0);
        foreach (var span in spans)
        {
            Assert.True(span.Start >= 0 && span.Start <= span.End && span.End <= length, $"{span} outside a text of {length} chars");
            Assert.True(span.Start >= previous.Start, $"{span} starts before the span before it");
            if (disjoint)
                Assert.True(span.Start >= previous.End, $"{span} overlaps the span before it ending at {previous.End}");
            previous = (span.Start, span.End);
        }
    }

    private static void AnalysesWithin(string text)
    {
        var document = Analyse.WithQuotes(text);
        InsideAndOrdered(document.Tokens, text.Length, disjoint: true);
        InsideAndOrdered(document.Sentences, text.Length, disjoint: true);
        foreach (var quote in document.Quotes)
        {
            InsideAndOrdered([quote], text.Length, disjoint: false);
            if (quote.SpeakerStart is { } s && quote.SpeakerEnd is { } e)
                Assert.True(s >= 0 && s <= e && e <= text.Length, $"speaker {s}..{e} outside the text");
        }
        foreach (var entity in document.Entities)
            InsideAndOrdered([entity], text.Length, disjoint: false);
    }

    [Fact]
    public void Tokenizer_sentence_splitter_and_quote_finder_keep_offsets_inside_random_text() =>
        Sample(FuzzInputs.Text, AnalysesWithin);

    [Fact]
    public void Tokenizer_sentence_splitter_and_quote_finder_keep_offsets_inside_mutated_articles() =>
        Sample(FuzzInputs.Mutated(TextSeeds), AnalysesWithin, quick: 15);

    [Fact]
    public void Text_debris_removal_never_throws_on_random_or_mutated_text() =>
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Bytes, FuzzInputs.Mutated(TextSeeds)), text => TextCleaner.Clean(text));

    [Fact]
    public void Html_loading_refuses_only_with_an_input_error() =>
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Bytes, FuzzInputs.Mutated(HtmlSeeds)), html =>
        {
            var document = ArticleLoader.FromString(html, "fuzz.html", html: true);
            Assert.NotNull(document.Text);
        }, quick: 30);

    [Fact]
    public void Feed_reading_turns_any_input_into_items_or_failed_items() =>
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated([File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingest", "tiny.rss")),
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingest", "tiny.atom"))])), xml =>
        {
            foreach (var item in FeedItems.Read(xml, "fuzz.rss"))
            {
                try
                {
                    item.Load();
                }
                catch (InputException)
                {
                    // A failed item is how the batch reports one bad entry; the rest still load.
                }
            }
        });

    [Fact]
    public void ClaimReview_reading_and_validation_refuse_only_with_an_input_error() =>
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated([FactCheckFilesTests.TwoReviews])), json =>
        {
            foreach (var (review, path) in ClaimReviewSources.FromJson(json, "fuzz.json", "$"))
            {
                FactCheckClaimReview.Read(review, path);
                ClaimReviewValidator.Validate((JsonObject)review.DeepClone(), path);
            }
        }, quick: 60);

    [Fact]
    public void Poynter_and_CheckThat_tables_refuse_only_with_an_input_error()
    {
        var csv = FuzzInputs.DatasetFiles("poynter-coronavirusfacts-2020", "data.csv", 1, maxChars: 6000);
        var tsv = FuzzInputs.DatasetFiles("clef2020-checkthat-task2", "verified_claims.docs.tsv", 1, maxChars: 6000);
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated([.. csv, "Country,What did you fact-check?,Final rating\nElbonia,\"Soup cures, flu\",False\n"])),
            text => PoynterRecords.FromCsv(text, "fuzz.csv"));
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated([.. tsv, "vclaim_id\tvclaim\ttitle\nvclaim-1\tSoup cures flu.\tNo, it does not\n"])),
            text => CheckThatRecords.FromTsv(text, "fuzz.tsv"));
    }

    [Fact]
    public void Conll_and_brat_readers_refuse_only_with_an_input_error()
    {
        var conll = FuzzInputs.DatasetFiles("conll2003-en", "eng.testa", 1, maxChars: 4000);
        var brat = FuzzInputs.DatasetFiles("polnear", "*.ann", 3, maxChars: 6000);
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated([.. conll, "-DOCSTART- -X- O O\n\nLONDON NNP I-NP I-LOC\nsaid VBD I-VP O\n"])),
            text => ConllCorpus.Read(new StringReader(text), "fuzz.conll"));
        Sample(Gen.Int[0, Tags.Length - 1].Select(i => Tags[i]).Array[0, 30].Select(tags => string.Join(' ', tags)),
            tags => ConllChunks.Find(tags.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated([.. brat, "T1\tSource 0 5\tLenna\nT2\tContent 12 30\twe will fix it\nE1\tAttribution:T3 Source:T1 Content:T2\nT3\tCue 6 10\tsaid\n"])),
            ann => BratAttributions.Parse(ann));
    }

    [Fact]
    public void Markdown_stripping_and_json_lines_items_refuse_only_with_an_input_error()
    {
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated(["# Quay closed\n\n*By* [Lena](https://x.example) · 3 min\n\n> “We are not taking chances,” she said.\n\n- one\n- two\n\n```\ncode\n```\n"])),
            markdown => Assert.NotNull(MarkdownText.Strip(markdown)));
        Sample(Gen.OneOf(FuzzInputs.Text, FuzzInputs.Mutated(["{\"url\": \"https://x.example/a\", \"text\": \"The quay closed, officials said.\"}\n{\"url\": \"https://x.example/b\", \"html\": \"<p>Reopened.</p>\"}\n"])), jsonl =>
        {
            foreach (var item in JsonLinesItems.Read(jsonl, "fuzz.jsonl"))
            {
                try
                {
                    item.Load();
                }
                catch (InputException)
                {
                    // One bad line is one failed item; the others still load.
                }
            }
        });
    }

    /// <summary>A binary seed with 1–12 bytes overwritten, base64-encoded so CsCheck can print and shrink it as text.</summary>
    private static Gen<string> MutatedBytes(byte[] seed) =>
        Gen.Int[0, seed.Length - 1].Array[1, 12].Select(Gen.Byte.Array[1, 12], (positions, values) =>
        {
            var bytes = (byte[])seed.Clone();
            for (var i = 0; i < positions.Length; i++) bytes[positions[i]] = values[i % values.Length];
            return Convert.ToBase64String(bytes);
        });

    /// <summary>A small vclaims.zip, as the 2022 CheckThat! set ships it, to mutate byte by byte.</summary>
    private static byte[] VclaimsZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < 3; i++)
            {
                using var writer = new StreamWriter(zip.CreateEntry($"vclaims/vclaim-{i}.json").Open());
                writer.Write($$"""{"vclaim_id": "v{{i}}", "vclaim": "Soup cures flu number {{i}}.", "title": "No, soup does not cure flu", "date": "2021-02-0{{i + 1}}"}""");
            }
        return buffer.ToArray();
    }

    [Fact]
    public void CheckThat_zip_reading_refuses_only_with_an_input_error()
    {
        var seed = VclaimsZip();
        var mutated = MutatedBytes(seed);
        var random = Gen.Byte.Array[0, 2000].Select(Convert.ToBase64String);
        var folder = Directory.CreateTempSubdirectory("factdesk-zipfuzz-");
        try
        {
            var file = Path.Combine(folder.FullName, "vclaims.zip");
            Sample(Gen.OneOf(mutated, random), base64 =>
            {
                File.WriteAllBytes(file, Convert.FromBase64String(base64));
                foreach (var item in CheckThatRecords.FromZip(file))
                    Assert.True(item.Record is not null || item.Error is not null, $"{item.Location} has neither a record nor an error");
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Warc_reading_turns_any_bytes_into_pages_or_failed_items()
    {
        var seed = Factdesk.Tests.Ingestion.Batch.WarcItemsTests.Records().SelectMany(r => r).ToArray();
        var mutated = MutatedBytes(seed);
        var cut = Gen.Int[0, seed.Length].Select(n => Convert.ToBase64String(seed[..n]));
        var random = Gen.Byte.Array[0, 2000].Select(Convert.ToBase64String);
        Sample(Gen.OneOf(mutated, cut, random), base64 =>
        {
            foreach (var gzipped in new[] { false, true })
            {
                var bytes = Convert.FromBase64String(base64);
                foreach (var item in WarcItems.Read(new MemoryStream(bytes), "fuzz.warc", gzipped, maxRecordBytes: 100_000))
                {
                    try
                    {
                        Assert.NotNull(item.Load().Text);
                    }
                    catch (InputException)
                    {
                        // A bad record fails alone.
                    }
                }
            }
        });
    }
}
