using System.Text.Json;
using Factdesk.Storage;
using Factdesk.Tests.FactChecks;

namespace Factdesk.Tests.Cli;

/// <summary>import, export, match and check --db on tiny collections written for the tests (each run loads the encoder once, about a second).</summary>
public sealed class FactCheckCommandsTests : IDisposable
{
    internal const string PoynterCsv =
        "When did you see the claim?,Country,Organization,What did you fact-check?,Who said/posted it?,Link to the original piece," +
        "URL to fact-checked article (in your language),Final rating,Explanation\n" +
        "3/16/2026,Elbonia,Elbonia Checks,\"Garlic soup, eaten hot, cures the flu.\",Facebook users,,https://checks.example/soup,False ,It does not.\n" +
        "3/18/2026,Elbonia,Elbonia Checks,Violent crime in Millbrook doubled under mayor Ellen Park.,Harold Vance,,https://checks.example/crime,Misleading,\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> Imported(string name = "facts.db")
    {
        var db = _temp.File(name);
        var run = await CliRun.Of("import", _temp.Write("reviews.json", FactCheckFilesTests.TwoReviews), _temp.Write("data.csv", PoynterCsv), "--db", db);
        Assert.Equal(0, run.ExitCode);
        return db;
    }

    [Fact]
    public async Task Import_is_idempotent_and_an_export_imports_into_the_same_records()
    {
        var db = await Imported();
        var again = await CliRun.Of("import", _temp.File("reviews.json"), _temp.File("data.csv"), "--db", db);
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"all\s+│\s+│\s+4 │\s+0 │\s+4 │\s+0 │", again.Stdout);

        var export = _temp.File("export.json");
        var exported = await CliRun.Of("export", export, "--db", db);
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("Exported 4 fact-check(s)", exported.Stdout);
        var copy = _temp.File("copy.db");
        Assert.Equal(0, (await CliRun.Of("import", export, "--db", copy)).ExitCode);

        using var original = SqliteFactCheckStore.Open(db);
        using var reimported = SqliteFactCheckStore.Open(copy);
        var before = original.All().ToDictionary(f => f.FactCheck.SourceKey, f => f.FactCheck);
        var after = reimported.All().ToDictionary(f => f.FactCheck.SourceKey, f => f.FactCheck);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (key, fact) in before)
        {
            Assert.Equal(fact.WithoutVectors(), after[key].WithoutVectors());
            Assert.Equal(fact.Embedding!, after[key].Embedding!, (a, b) => Math.Abs(a - b) < 1e-5);
        }
        Assert.Contains(before.Values, f => f.ClaimReviewJson is null && f.Verdict == "Misleading");
        Assert.Contains(before.Values, f => f.ClaimReviewJson is null && f.Summary == "It does not.");
        Assert.Contains(before.Values, f => f.ClaimReviewJson is not null && f.Analysis is not null);
    }

    [Fact]
    public async Task An_analysis_written_into_an_export_reaches_the_store_when_imported_again()
    {
        var db = await Imported();
        var export = _temp.File("export.json");
        Assert.Equal(0, (await CliRun.Of("export", export, "--db", db)).ExitCode);
        var reviews = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(export))!.AsArray();
        var soup = reviews.Single(r => r!["claimReviewed"]!.GetValue<string>().StartsWith("Garlic", StringComparison.Ordinal))!;
        soup["reviewBody"] = "## What doctors say\n\nNo study supports it.";
        File.WriteAllText(export, reviews.ToJsonString());

        var run = await CliRun.Of("import", export, "--db", db);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 fact-check(s) already there got a new summary or analysis", run.Stdout);
        using var store = SqliteFactCheckStore.Open(db);
        var stored = store.All().Single(f => f.FactCheck.Claim.StartsWith("Garlic", StringComparison.Ordinal)).FactCheck;
        Assert.Equal(("## What doctors say\n\nNo study supports it.", "It does not."), (stored.Analysis, stored.Summary));
        Assert.Equal(4, store.Count());
    }

    [Fact]
    public async Task Match_finds_the_earlier_fact_check_with_a_score_and_a_level()
    {
        var db = await Imported();
        var run = await CliRun.Of("match", "Has the Elm Street bridge really been shut for a decade?", "--json", "--db", db, "--suggest-above", "0.3");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var best = json.RootElement.GetProperty("matches")[0];
        Assert.Equal("The Elm Street bridge has been closed for ten years.", best.GetProperty("claim").GetString());
        Assert.Equal("False", best.GetProperty("verdict").GetString());
        Assert.Contains(best.GetProperty("level").GetString(), new[] { "suggest", "confident" });
        Assert.InRange(best.GetProperty("score").GetDouble(), 0.3, 1.01);

        var text = await CliRun.Of("match", "Has the Elm Street bridge really been shut for a decade?", "--db", db, "--top", "1", "--suggest-above", "0.3");
        Assert.Contains("Elm Street bridge", text.Stdout);
        Assert.DoesNotContain("Garlic", text.Stdout);
        Assert.DoesNotContain("the others are not shown", text.Stdout);

        // The store holds fewer than 50 fact-checks that score 0.3: the table says it shows only those.
        var shown = JsonDocument.Parse((await CliRun.Of("match", "Has the Elm Street bridge really been shut for a decade?", "--json", "--db", db, "--top", "50", "--suggest-above", "0.3")).Stdout)
            .RootElement.GetProperty("matches").GetArrayLength();
        var many = await CliRun.Of("match", "Has the Elm Street bridge really been shut for a decade?", "--db", db, "--top", "50", "--suggest-above", "0.3");
        Assert.InRange(shown, 1, 49);
        Assert.Contains($"{shown} of the best 50 score 0.30 or more (--suggest-above); the others are not shown.", string.Join(' ', many.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Match_reranks_by_default_and_keeps_the_hybrid_scores_with_reranker_none()
    {
        var db = await Imported();
        const string claim = "Has the Elm Street bridge really been shut for a decade?";
        var reranked = JsonDocument.Parse((await CliRun.Of("match", claim, "--json", "--db", db, "--suggest-above", "0")).Stdout).RootElement.GetProperty("matches");
        var hybrid = JsonDocument.Parse((await CliRun.Of("match", claim, "--json", "--db", db, "--suggest-above", "0", "--reranker", "none")).Stdout).RootElement.GetProperty("matches");

        Assert.All(reranked.EnumerateArray(), m => Assert.True(m.TryGetProperty("rerank", out _)));
        Assert.All(hybrid.EnumerateArray(), m => Assert.False(m.TryGetProperty("rerank", out _)));
        // The hybrid order is by score; the reranked hits carry the same hybrid score each.
        var scores = hybrid.EnumerateArray().Select(m => m.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var byId = hybrid.EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt64(), m => m.GetProperty("score").GetDouble());
        Assert.All(reranked.EnumerateArray(), m => Assert.Equal(byId[m.GetProperty("id").GetInt64()], m.GetProperty("score").GetDouble()));

        (await CliRun.Of("match", claim, "--db", db, "--reranker", _temp.Write("bad.zip", "not a model"))).AssertUserError("is not a matcher model");
    }

    [Fact]
    public async Task Queries_without_words_or_far_too_long_have_a_defined_answer()
    {
        var db = await Imported();
        var punctuation = await CliRun.Of("match", "?!... -- «»", "--json", "--db", db);
        Assert.Equal(0, punctuation.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(punctuation.Stdout).RootElement.GetProperty("matches").GetArrayLength());

        var huge = string.Concat(Enumerable.Repeat("garlic soup cures flu quickly ", 3_400))[..100_000];
        var long_ = await CliRun.Of("match", huge, "--json", "--db", db, "--suggest-above", "0");
        Assert.Equal(0, long_.ExitCode);
        Assert.Contains("Garlic soup", long_.Stdout);
    }

    [Fact]
    public async Task Check_with_a_store_fills_the_dossier_matches_and_without_one_leaves_them_empty()
    {
        var db = await Imported();
        var article = Path.Combine(AppContext.BaseDirectory, "Fixtures", "politifact-style.txt");
        var with = await CliRun.Of("check", article, "--format", "json", "--db", db);
        Assert.Equal(0, with.ExitCode);
        var matches = JsonDocument.Parse(with.Stdout).RootElement.GetProperty("matches");
        var crime = matches[0];
        Assert.Equal("Violent crime in Millbrook doubled under mayor Ellen Park.", crime.GetProperty("claimText").GetString());
        Assert.Equal("Misleading", crime.GetProperty("verdict").GetString());
        Assert.Equal("https://checks.example/crime", crime.GetProperty("url").GetString());

        var without = await CliRun.Of("check", article, "--format", "json");
        Assert.Equal(0, JsonDocument.Parse(without.Stdout).RootElement.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task Bad_files_are_reported_per_file_and_per_record_and_store_nothing_of_a_failed_file()
    {
        var db = _temp.File("facts.db");
        var run = await CliRun.Of("import",
            _temp.Write("broken.json", "[{\"@type\": \"ClaimReview\", \"url\": "),
            _temp.Write("vclaims.zip", "this is not a zip"),
            _temp.Write("dup.json", """
                [{"@type": "ClaimReview", "identifier": "x-1", "claimReviewed": "First."},
                 {"@type": "ClaimReview", "identifier": "x-1", "claimReviewed": "Second with the same id."},
                 {"@type": "ClaimReview", "url": "https://checks.example/no-claim"}]
                """),
            "--db", db, "--log", _temp.File("import.jsonl"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not valid JSON", run.Stdout);
        Assert.Contains("is not a zip archive", run.Stdout);
        Assert.Contains("duplicate id x-1", run.Stdout);
        Assert.Contains("no claimReviewed", run.Stdout);
        using var store = SqliteFactCheckStore.Open(db);
        Assert.Equal("First.", Assert.Single(store.All()).FactCheck.Claim);

        var log = File.ReadAllLines(_temp.File("import.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        string Event(JsonElement e) => e.GetProperty("event").GetString()!;
        Assert.Equal(2, log.Count(e => Event(e) == "failed"));
        Assert.Contains(log, e => Event(e) == "failed" && e.GetProperty("input").GetString() == _temp.File("vclaims.zip")
                                  && e.GetProperty("reason").GetString()!.Contains("is not a zip archive"));
        Assert.Equal(2, log.Count(e => Event(e) == "record-failed" && e.GetProperty("input").GetString()!.StartsWith(_temp.File("dup.json"))));
        var summary = Assert.Single(log, e => Event(e) == "imported");
        Assert.Equal((1, 2, "warning"), (summary.GetProperty("imported").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task Reading_commands_need_an_existing_database_and_sane_thresholds()
    {
        (await CliRun.Of("match", "anything", "--db", _temp.File("none.db"))).AssertUserError("no such database");
        (await CliRun.Of("export", _temp.File("out.json"), "--db", _temp.File("none.db"))).AssertUserError("no such database");
        Assert.False(File.Exists(_temp.File("none.db")));
        (await CliRun.Of("match", "anything", "--db", _temp.File("none.db"), "--suggest-above", "0.9", "--confident-above", "0.5"))
            .AssertUserError("--confident-above");
    }
}
