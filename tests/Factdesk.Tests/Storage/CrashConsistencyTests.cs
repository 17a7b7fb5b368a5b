using System.Globalization;
using Factdesk.Storage;
using Microsoft.Data.Sqlite;

namespace Factdesk.Tests.Storage;

/// <summary>
/// Kills `factdesk ingest` at random points, many times over one database, then checks that the database is whole
/// and that one more run finishes the work with every article stored exactly once. The default run is short;
/// FACTDESK_LONG_TESTS=1 runs many more kills.
/// </summary>
public sealed class CrashConsistencyTests : IDisposable
{
    private const int Articles = 60;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static bool Long => Environment.GetEnvironmentVariable("FACTDESK_LONG_TESTS") == "1";

    /// <summary>Articles distinct enough that none is a copy of another, so each must end up as exactly one row.</summary>
    private string WriteArticles()
    {
        var random = new Random(11);
        string[] words = ["council", "budget", "river", "bridge", "school", "tax", "hospital", "road", "court", "election", "farm", "energy", "water", "price"];
        string[] people = ["Ellen Park", "Harold Vance", "Maria Lopez", "Tom Reed", "Anna Berg"];
        for (var i = 0; i < Articles; i++)
        {
            var sentences = Enumerable.Range(0, 12).Select(j =>
            {
                var w = random.GetItems(words, 4);
                return $"{people[random.Next(people.Length)]} said the {w[0]} plan for the {w[1]} would cost {random.Next(2, 900)} million " +
                       $"in year {i} part {j}, citing the {w[2]} and the {w[3]}.";
            });
            _temp.Write(Path.Combine("articles", $"a{i:000}.txt"),
                $"Article {i} on the {words[i % words.Length]}\n\n\"We will fix the {words[(i + 3) % words.Length]} by {2027 + i % 5},\" said {people[i % people.Length]}. " +
                string.Join(' ', sentences) + "\n");
        }
        return _temp.File("articles");
    }

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void StartOver(string db)
    {
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
            File.Delete(file);
    }

    /// <summary>Rows stored so far, read while the child writes; 0 while the schema or the WAL is still being set up.</summary>
    private static long Stored(string db, string table = "articles")
    {
        try
        {
            return Rows(db, table);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    /// <summary>Rows in a table, 0 when a kill came before the schema step that creates it.</summary>
    private static long Rows(string db, string table) =>
        Scalar(db, $"SELECT count(*) FROM sqlite_schema WHERE name = '{table}'") == 0 ? 0 : Scalar(db, $"SELECT count(*) FROM {table}");

    [Fact]
    public async Task Ingest_killed_at_random_points_leaves_a_whole_database_that_one_more_run_completes()
    {
        var folder = WriteArticles();
        var db = _temp.File("news.db");
        var random = new Random(Long ? Environment.TickCount : 7);
        var kills = Long ? 60 : 2;
        var midway = 0;
        var rounds = 0;
        var previous = 0L;
        for (var run = 0; run < kills; run++)
        {
            // Start-up takes most of a second, so the kills spread over opening, migrating and the article loop.
            // Odd kills by time cover start-up and migration; even ones wait until a random number of articles is stored.
            var target = random.Next((int)previous + 1, Articles);
            var killed = run % 2 == 1
                ? await ChildCli.KillAfter(TimeSpan.FromMilliseconds(random.Next(250, 3000)), "ingest", folder, "--db", db)
                : await ChildCli.KillWhen(() => File.Exists(db) && Stored(db) >= target, TimeSpan.FromSeconds(30), "ingest", folder, "--db", db);
            if (!File.Exists(db))
                continue;
            var failed = StoreDoctor.Examine(db).Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList();
            Assert.True(failed.Count == 0, $"after kill {run + 1} (killed: {killed}): {string.Join("; ", failed)}");
            var stored = Rows(db, "articles");
            Assert.InRange(stored, previous, Articles);
            if (killed && stored > previous && stored < Articles)
                midway++;
            previous = stored;
            if (stored == Articles && run < kills - 1)
            {
                // A finished database only teaches the skip path; later kills should land on real work.
                StartOver(db);
                previous = 0;
                rounds++;
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{kills} kills over {rounds + 1} database(s), {midway} of them in the middle of the article loop; {previous} of {Articles} stored before the final run");

        Assert.Equal(0, await ChildCli.Run("ingest", folder, "--db", db));
        Assert.All(StoreDoctor.Examine(db), c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Equal(Articles, Scalar(db, "SELECT count(*) FROM articles"));
        Assert.Equal(Articles, Scalar(db, "SELECT count(DISTINCT path) FROM articles"));
        Assert.Equal(Articles, Scalar(db, "SELECT count(*) FROM dossiers"));
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"));
    }

    /// <summary>Files of ClaimReview JSON-LD with distinct claims; import stores each file in one transaction.</summary>
    private List<string> WriteReviewFiles(int files, int perFile)
    {
        string[] subjects = ["bridge", "hospital", "school", "river", "tax", "road", "farm", "court"];
        var paths = new List<string>();
        for (var f = 0; f < files; f++)
        {
            var reviews = Enumerable.Range(0, perFile).Select(i =>
                "{\"@type\": \"ClaimReview\", " +
                $"\"url\": \"https://checks.example/{f}/{i}\", \"claimReviewed\": \"The {subjects[(f + i) % subjects.Length]} cost {f * 100 + i} million in {2000 + i}.\", " +
                "\"author\": {\"@type\": \"Organization\", \"name\": \"Example Checks\"}, \"reviewRating\": {\"@type\": \"Rating\", \"alternateName\": \"False\"}}");
            paths.Add(_temp.Write($"reviews{f}.json", $$"""{"@context": "https://schema.org", "@graph": [{{string.Join(",\n", reviews)}}]}"""));
        }
        return paths;
    }

    [Fact]
    public async Task Import_killed_at_random_points_leaves_whole_files_or_nothing_and_one_more_run_completes()
    {
        const int files = 6, perFile = 15;
        var inputs = WriteReviewFiles(files, perFile);
        var db = _temp.File("facts.db");
        var random = new Random(Long ? Environment.TickCount : 5);
        var kills = Long ? 30 : 2;
        var partial = 0;
        var rounds = 0;
        for (var run = 0; run < kills; run++)
        {
            // Loading the sentence encoder takes seconds, so kills by time mostly land before the first file is stored;
            // the other half wait until some files are in, to land between two files.
            var target = random.Next(1, files) * perFile;
            var killed = run % 2 == 1
                ? await ChildCli.KillAfter(TimeSpan.FromMilliseconds(random.Next(300, 4000)), ["import", .. inputs, "--db", db])
                : await ChildCli.KillWhen(() => File.Exists(db) && Stored(db, "fact_checks") >= target, TimeSpan.FromSeconds(60), ["import", .. inputs, "--db", db]);
            if (!File.Exists(db))
                continue;
            if (killed && Rows(db, "fact_checks") is > 0 and < files * perFile)
                partial++;
            var failed = StoreDoctor.Examine(db).Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList();
            Assert.True(failed.Count == 0, $"after kill {run + 1} (killed: {killed}): {string.Join("; ", failed)}");
            // One transaction per file: a kill can only ever leave whole files behind.
            Assert.Equal(0, Rows(db, "fact_checks") % perFile);
            if (Rows(db, "fact_checks") == files * perFile && run < kills - 1)
            {
                StartOver(db);
                rounds++;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{kills} kills over {rounds + 1} database(s), {partial} of them after some files and before others were stored");
        Assert.True(!Long || partial > 0, "no kill landed between two files");
        Assert.Equal(0, await ChildCli.Run(["import", .. inputs, "--db", db]));
        Assert.All(StoreDoctor.Examine(db), c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Equal(files * perFile, Scalar(db, "SELECT count(*) FROM fact_checks"));
        Assert.Equal(files * perFile, Scalar(db, "SELECT count(*) FROM fact_checks_fts"));
    }
}
